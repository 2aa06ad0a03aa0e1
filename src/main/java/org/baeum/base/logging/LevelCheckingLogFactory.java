package org.baeum.base.logging;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;
import org.slf4j.spi.LocationAwareLogger;

/**
 * The Apache Commons Logging factory of the portal (registered in {@code META-INF/services}): Spring logs through
 * Commons Logging, and this hands its messages to SLF4J as commons-logging's own {@code Slf4jLogFactory} does, but
 * renders a message only when its level is on.
 *
 * <p>commons-logging 1.3's adapter calls {@code String.valueOf(message)} before SLF4J looks at the level, so every
 * {@code logger.debug(LogMessage.of(...))} in Spring builds its text even with DEBUG off (spring-framework issue 37266).
 * In the enrolment rush that was about 1.5 % of the CPU: Spring Security's method security describes each
 * {@code @PreAuthorize} call it checks ("Authorizing method invocation ..."), several per request.
 */
public final class LevelCheckingLogFactory extends LogFactory {

    /** The marker commons-logging's adapter puts on every event; kept so that nothing downstream tells the two apart. */
    private static final Marker MARKER = MarkerFactory.getMarker("COMMONS-LOGGING");

    private final ConcurrentMap<String, Log> logs = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Object> attributes = new ConcurrentHashMap<>();

    @Override
    public Log getInstance(String name) {
        return logs.computeIfAbsent(name, n -> {
            Logger logger = LoggerFactory.getLogger(n);
            return logger instanceof LocationAwareLogger located ? new LevelCheckingLog(located) : new PlainLog(logger);
        });
    }

    @Override
    public Log getInstance(Class<?> clazz) {
        return getInstance(clazz.getName());
    }

    @Override
    public void release() {
        logs.clear();
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public String[] getAttributeNames() {
        return attributes.keySet().toArray(String[]::new);
    }

    @Override
    public void removeAttribute(String name) {
        attributes.remove(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        if (value == null) {
            attributes.remove(name);
        } else {
            attributes.put(name, value);
        }
    }

    /** Checks the level first; passes its own class name so that logback's caller data names the real caller. */
    static final class LevelCheckingLog implements Log {

        private static final String FQCN = LevelCheckingLog.class.getName();

        private final LocationAwareLogger logger;

        LevelCheckingLog(LocationAwareLogger logger) {
            this.logger = logger;
        }

        private void log(int level, Object message, Throwable t) {
            logger.log(MARKER, FQCN, level, String.valueOf(message), null, t);
        }

        @Override
        public boolean isTraceEnabled() {
            return logger.isTraceEnabled(MARKER);
        }

        @Override
        public boolean isDebugEnabled() {
            return logger.isDebugEnabled(MARKER);
        }

        @Override
        public boolean isInfoEnabled() {
            return logger.isInfoEnabled(MARKER);
        }

        @Override
        public boolean isWarnEnabled() {
            return logger.isWarnEnabled(MARKER);
        }

        @Override
        public boolean isErrorEnabled() {
            return logger.isErrorEnabled(MARKER);
        }

        @Override
        public boolean isFatalEnabled() {
            return logger.isErrorEnabled(MARKER);
        }

        @Override
        public void trace(Object message) {
            trace(message, null);
        }

        @Override
        public void trace(Object message, Throwable t) {
            if (isTraceEnabled()) {
                log(LocationAwareLogger.TRACE_INT, message, t);
            }
        }

        @Override
        public void debug(Object message) {
            debug(message, null);
        }

        @Override
        public void debug(Object message, Throwable t) {
            if (isDebugEnabled()) {
                log(LocationAwareLogger.DEBUG_INT, message, t);
            }
        }

        @Override
        public void info(Object message) {
            info(message, null);
        }

        @Override
        public void info(Object message, Throwable t) {
            if (isInfoEnabled()) {
                log(LocationAwareLogger.INFO_INT, message, t);
            }
        }

        @Override
        public void warn(Object message) {
            warn(message, null);
        }

        @Override
        public void warn(Object message, Throwable t) {
            if (isWarnEnabled()) {
                log(LocationAwareLogger.WARN_INT, message, t);
            }
        }

        @Override
        public void error(Object message) {
            error(message, null);
        }

        @Override
        public void error(Object message, Throwable t) {
            if (isErrorEnabled()) {
                log(LocationAwareLogger.ERROR_INT, message, t);
            }
        }

        @Override
        public void fatal(Object message) {
            error(message, null);
        }

        @Override
        public void fatal(Object message, Throwable t) {
            error(message, t);
        }
    }

    /** For an SLF4J binding without location support (not logback): the same checks on the plain API. */
    static final class PlainLog implements Log {

        private final Logger logger;

        PlainLog(Logger logger) {
            this.logger = logger;
        }

        @Override
        public boolean isTraceEnabled() {
            return logger.isTraceEnabled();
        }

        @Override
        public boolean isDebugEnabled() {
            return logger.isDebugEnabled();
        }

        @Override
        public boolean isInfoEnabled() {
            return logger.isInfoEnabled();
        }

        @Override
        public boolean isWarnEnabled() {
            return logger.isWarnEnabled();
        }

        @Override
        public boolean isErrorEnabled() {
            return logger.isErrorEnabled();
        }

        @Override
        public boolean isFatalEnabled() {
            return logger.isErrorEnabled();
        }

        @Override
        public void trace(Object message) {
            trace(message, null);
        }

        @Override
        public void trace(Object message, Throwable t) {
            if (logger.isTraceEnabled()) {
                logger.trace(String.valueOf(message), t);
            }
        }

        @Override
        public void debug(Object message) {
            debug(message, null);
        }

        @Override
        public void debug(Object message, Throwable t) {
            if (logger.isDebugEnabled()) {
                logger.debug(String.valueOf(message), t);
            }
        }

        @Override
        public void info(Object message) {
            info(message, null);
        }

        @Override
        public void info(Object message, Throwable t) {
            if (logger.isInfoEnabled()) {
                logger.info(String.valueOf(message), t);
            }
        }

        @Override
        public void warn(Object message) {
            warn(message, null);
        }

        @Override
        public void warn(Object message, Throwable t) {
            if (logger.isWarnEnabled()) {
                logger.warn(String.valueOf(message), t);
            }
        }

        @Override
        public void error(Object message) {
            error(message, null);
        }

        @Override
        public void error(Object message, Throwable t) {
            if (logger.isErrorEnabled()) {
                logger.error(String.valueOf(message), t);
            }
        }

        @Override
        public void fatal(Object message) {
            error(message, null);
        }

        @Override
        public void fatal(Object message, Throwable t) {
            error(message, t);
        }
    }
}
