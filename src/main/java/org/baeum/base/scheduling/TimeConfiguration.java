package org.baeum.base.scheduling;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The portal's clock: Asia/Seoul. Everything that reads the time takes this bean, so tests can move it. */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    @Bean
    Clock clock(@Value("${baeum.zone:Asia/Seoul}") ZoneId zone) {
        return Clock.system(zone);
    }
}
