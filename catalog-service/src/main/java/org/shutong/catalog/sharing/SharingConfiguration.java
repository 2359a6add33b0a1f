package org.shutong.catalog.sharing;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs the grant expiry job ({@link GrantExpiry}) on its schedule.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SharingConfiguration {

}
