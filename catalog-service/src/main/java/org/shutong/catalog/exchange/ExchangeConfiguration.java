package org.shutong.catalog.exchange;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExchangeProperties.class)
class ExchangeConfiguration {

	@Bean
	QueryQuotas queryQuotas(ExchangeProperties properties) {
		return new QueryQuotas(properties.quota());
	}

}
