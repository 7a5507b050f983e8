package dev.usersession.internal.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;

/**
 * A response that writes the session's changed state just before it commits: before an explicit flush, every
 * redirect and error (all overloads of {@code sendRedirect} and {@code sendError}, Servlet 6.1's included), a flush or
 * close of its stream or writer, a body that outgrows the buffer, or the last byte of a body whose length was
 * declared (a container commits then: Payara does for JAX-RS responses). So a success response always means the state
 * is stored, and a conflict or a database failure can still become a 409 or a 503, since nothing has been sent yet.
 * It serves the async part of a request too, on any thread (see {@link RequestUnitOfWork}); once an error answer
 * replaced the response there, the application's further writes are dropped.
 *
 * <p>The class is final, so every guarded method stays guarded: a method of {@code HttpServletResponseWrapper} that
 * can commit a response and is not overridden here would pass straight to the container
 * ({@code FlushBeforeCommitResponseTest} checks that each one is).
 */
final class FlushBeforeCommitResponse extends HttpServletResponseWrapper {

    private final RequestUnitOfWork work;
    private GuardedStream stream;
    private PrintWriter writer;
    private long written;
    private long declaredLength = -1;
    private boolean finishing;

    FlushBeforeCommitResponse(HttpServletResponse response, RequestUnitOfWork work) {
        super(response);
        this.work = work;
    }

    /** Writes the state now, if the response has not committed yet (later flushes of a sent body cost nothing). */
    private void beforeCommit() {
        if (!getResponse().isCommitted()) {
            work.beforeCommit();
        }
    }

    /** @return whether an error answer replaced the response: the application's commits and writes are dropped */
    private boolean answered() {
        return work.isAnswered();
    }

    /**
     * At the end of the request: moves characters still buffered in the writer into the response (without
     * committing it), then writes the state. Even when the response has somehow committed already: the state is then
     * stored late rather than lost, and a failure is logged by the filter.
     */
    void finish() {
        moveWriterBuffer();
        work.finish();
    }

    /** Moves characters still buffered in the writer into the response, without committing it. */
    void moveWriterBuffer() {
        finishing = true;
        try {
            if (writer != null) {
                writer.flush();
            }
        } finally {
            finishing = false;
        }
    }

    @Override
    public void flushBuffer() throws IOException {
        if (writer != null) {
            writer.flush();
        }
        beforeCommit();
        if (!answered()) {
            super.flushBuffer();
        }
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        beforeCommit();
        if (!answered()) {
            super.sendError(status, message);
        }
    }

    @Override
    public void sendError(int status) throws IOException {
        beforeCommit();
        if (!answered()) {
            super.sendError(status);
        }
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        beforeCommit();
        if (!answered()) {
            super.sendRedirect(location);
        }
    }

    @Override
    public void sendRedirect(String location, boolean clearBuffer) throws IOException {
        beforeCommit();
        if (!answered()) {
            super.sendRedirect(location, clearBuffer);
        }
    }

    @Override
    public void sendRedirect(String location, int status) throws IOException {
        beforeCommit();
        if (!answered()) {
            super.sendRedirect(location, status);
        }
    }

    @Override
    public void sendRedirect(String location, int status, boolean clearBuffer) throws IOException {
        beforeCommit();
        if (!answered()) {
            super.sendRedirect(location, status, clearBuffer);
        }
    }

    @Override
    public void setContentLength(int length) {
        declareLength(length);
        super.setContentLength(length);
    }

    @Override
    public void setContentLengthLong(long length) {
        declareLength(length);
        super.setContentLengthLong(length);
    }

    @Override
    public void setHeader(String name, String value) {
        noteContentLength(name, value);
        super.setHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
        noteContentLength(name, value);
        super.addHeader(name, value);
    }

    @Override
    public void setIntHeader(String name, int value) {
        noteContentLength(name, String.valueOf(value));
        super.setIntHeader(name, value);
    }

    @Override
    public void addIntHeader(String name, int value) {
        noteContentLength(name, String.valueOf(value));
        super.addIntHeader(name, value);
    }

    private void noteContentLength(String name, String value) {
        if ("Content-Length".equalsIgnoreCase(name)) {
            long length;
            try {
                length = value == null ? -1 : Long.parseLong(value.trim());
            } catch (NumberFormatException notANumber) {
                length = -1;
            }
            declareLength(length);
        }
    }

    /** A declared length that the body written so far already reaches lets a container commit at once. */
    private void declareLength(long length) {
        declaredLength = length;
        if (length >= 0 && written >= length) {
            beforeCommit();
        }
    }

    @Override
    public void resetBuffer() {
        super.resetBuffer();
        written = 0;
    }

    @Override
    public void reset() {
        super.reset();
        written = 0;
        declaredLength = -1;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (writer != null) {
            throw new IllegalStateException("getWriter() has already been called on this response");
        }
        return guardedStream();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            if (stream != null) {
                throw new IllegalStateException("getOutputStream() has already been called on this response");
            }
            writer = new PrintWriter(new OutputStreamWriter(guardedStream(), getCharacterEncoding()), false);
        }
        return writer;
    }

    private GuardedStream guardedStream() throws IOException {
        if (stream == null) {
            stream = new GuardedStream(super.getOutputStream());
        }
        return stream;
    }

    /** The container's stream, with the state written before the body outgrows the buffer or is flushed. */
    private final class GuardedStream extends ServletOutputStream {
        private final ServletOutputStream target;

        GuardedStream(ServletOutputStream target) {
            this.target = target;
        }

        /** @return whether the bytes may go on to the container (no error answer replaced the response) */
        private boolean beforeWriting(long length) {
            written += length;
            if (written >= getBufferSize() || (declaredLength >= 0 && written >= declaredLength)) {
                beforeCommit();
            }
            return !answered();
        }

        @Override
        public void write(int b) throws IOException {
            if (beforeWriting(1)) {
                target.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (beforeWriting(length)) {
                target.write(bytes, offset, length);
            }
        }

        @Override
        public void flush() throws IOException {
            if (!finishing) {
                beforeCommit();
                if (!answered()) {
                    target.flush();
                }
            }
        }

        @Override
        public void close() throws IOException {
            beforeCommit();
            if (!answered()) {
                target.close();
            }
        }

        @Override
        public boolean isReady() {
            return target.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            target.setWriteListener(listener);
        }
    }
}
