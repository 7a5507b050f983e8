package dev.usersession.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Captures what one logger writes at WARNING (or a given level) or above, while open. */
public final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger;
    private final Level loggerLevel;
    private final List<LogRecord> records = new ArrayList<>();

    private LogCapture(Logger logger, Level level) {
        this.logger = logger;
        this.loggerLevel = logger.getLevel();
        setLevel(level);
        if (!logger.isLoggable(level)) {
            logger.setLevel(level); // until closed
        }
        logger.addHandler(this);
    }

    /** @return a capture of the named logger */
    public static LogCapture of(String loggerName) {
        return of(loggerName, Level.WARNING);
    }

    /** @return a capture of what the named logger writes at that level or above */
    public static LogCapture of(String loggerName, Level level) {
        return new LogCapture(Logger.getLogger(loggerName), level);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (isLoggable(record)) {
            records.add(record);
        }
    }

    /** @return the captured messages with their parameters filled in */
    public synchronized List<String> messages() {
        return records.stream()
                .map(record -> new java.util.logging.SimpleFormatter().formatMessage(record))
                .toList();
    }

    /** @return the captured records (with their exceptions) */
    public synchronized List<LogRecord> records() {
        return List.copyOf(records);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(loggerLevel);
    }
}
