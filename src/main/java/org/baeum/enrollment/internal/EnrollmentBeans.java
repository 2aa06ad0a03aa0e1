package org.baeum.enrollment.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The enrolment feature's plain rule objects, made once from its settings. */
@Configuration(proxyBeanMethods = false)
class EnrollmentBeans {

    @Bean
    OfferPolicy offerPolicy(EnrollmentSettings settings) {
        return OfferPolicy.of(settings);
    }
}
