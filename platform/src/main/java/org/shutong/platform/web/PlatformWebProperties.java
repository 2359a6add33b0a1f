package org.shutong.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Web settings shared by every service.
 *
 * @param maxRequestSize largest request body accepted; larger ones get 413
 */
@ConfigurationProperties("shutong.web")
public record PlatformWebProperties(@DefaultValue("1MB") DataSize maxRequestSize) {

}
