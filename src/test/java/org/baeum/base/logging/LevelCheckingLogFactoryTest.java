package org.baeum.base.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogMessage;

class LevelCheckingLogFactoryTest {

    private static final String NAME = "org.baeum.test.LevelCheckingLogFactoryTest";

    private final Logger logback = (Logger) LoggerFactory.getLogger(NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    @BeforeEach
    void attach() {
        appender.start();
        logback.addAppender(appender);
    }

    @AfterEach
    void detach() {
        logback.detachAppender(appender);
        logback.setLevel(null);
    }

    @Test
    void springsCommonsLoggingUsesThisFactory() {
        assertThat(LogFactory.getFactory()).isInstanceOf(LevelCheckingLogFactory.class);
        assertThat(LogFactory.getLog(NAME)).isInstanceOf(LevelCheckingLogFactory.LevelCheckingLog.class);
    }

    @Test
    void aMessageBelowTheLevelIsNeverRendered() {
        logback.setLevel(Level.INFO);
        AtomicInteger rendered = new AtomicInteger();
        Log log = LogFactory.getLog(NAME);

        log.debug(LogMessage.of(() -> "debug " + rendered.incrementAndGet()));
        log.trace(LogMessage.of(() -> "trace " + rendered.incrementAndGet()), new IllegalStateException());

        assertThat(rendered).hasValue(0);
        assertThat(appender.list).isEmpty();
    }

    @Test
    void aMessageAtTheLevelIsLoggedWithItsCause() {
        logback.setLevel(Level.DEBUG);
        Log log = LogFactory.getLog(NAME);
        IllegalStateException cause = new IllegalStateException("why");

        log.debug(LogMessage.format("debug %s", 1));
        log.warn("warned", cause);
        log.fatal("fatal");

        assertThat(appender.list).extracting(ILoggingEvent::getLevel, ILoggingEvent::getFormattedMessage)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Level.DEBUG, "debug 1"),
                        org.assertj.core.groups.Tuple.tuple(Level.WARN, "warned"),
                        org.assertj.core.groups.Tuple.tuple(Level.ERROR, "fatal"));
        assertThat(appender.list.get(1).getThrowableProxy().getMessage()).isEqualTo("why");
        assertThat(log.isDebugEnabled()).isTrue();
        assertThat(log.isTraceEnabled()).isFalse();
    }
}
