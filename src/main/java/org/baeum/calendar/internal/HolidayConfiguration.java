package org.baeum.calendar.internal;

import org.baeum.calendar.HolidayCalendar;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Korea's public holidays as bundled data; session dates skip them. */
@Configuration(proxyBeanMethods = false)
class HolidayConfiguration {

    @Bean
    HolidayCalendar holidayCalendar() {
        return KoreanPublicHolidays.bundled();
    }
}
