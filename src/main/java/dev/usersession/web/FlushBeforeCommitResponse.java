package dev.usersession.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;

/**
 * A response that writes the session's changed state just before it commits: before an explicit flush, a redirect,
 * an error, a body that outgrows the buffer, or the last byte of a body whose length was declared (a container
 * commits then: Payara does for JAX-RS responses). So a success response always means the state is stored, and a
 * conflict or a database failure can still become a 409 or a 503, since nothing has been sent yet.
 */
final class FlushBeforeCommitResponse extends HttpServletResponseWrapper {

    private final Runnable flushState;
    private GuardedStream stream;
    private PrintWriter writer;
    private long written;
    private long declaredLength = -1;
    private boolean finishing;

    FlushBeforeCommitResponse(HttpServletResponse response, Runnable flushState) {
        super(response);
        this.flushState = flushState;
    }

    /** Writes the state now, if the response has not committed yet (later flushes of a sent body cost nothing). */
    private void beforeCommit() {
        if (!getResponse().isCommitted()) {
            flushState.run();
        }
    }

    /**
     * At the end of the request: moves characters still buffered in the writer into the response (without
     * committing it), then writes the state. Even when the response has somehow committed already: the state is then
     * stored late rather than lost, and a failure is logged by the filter.
     */
    void finish() {
        finishing = true;
        try {
            if (writer != null) {
                writer.flush();
            }
        } finally {
            finishing = false;
        }
        flushState.run();
    }

    @Override
    public void flushBuffer() throws IOException {
        if (writer != null) {
            writer.flush();
        }
        beforeCommit();
        super.flushBuffer();
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        beforeCommit();
        super.sendError(status, message);
    }

    @Override
    public void sendError(int status) throws IOException {
        beforeCommit();
        super.sendError(status);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        beforeCommit();
        super.sendRedirect(location);
    }

    @Override
    public void setContentLength(int length) {
        declaredLength = length;
        super.setContentLength(length);
    }

    @Override
    public void setContentLengthLong(long length) {
        declaredLength = length;
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

    private void noteContentLength(String name, String value) {
        if ("Content-Length".equalsIgnoreCase(name)) {
            try {
                declaredLength = value == null ? -1 : Long.parseLong(value.trim());
            } catch (NumberFormatException notANumber) {
                declaredLength = -1;
            }
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

        private void beforeWriting(long length) {
            written += length;
            if (written >= getBufferSize() || (declaredLength >= 0 && written >= declaredLength)) {
                beforeCommit();
            }
        }

        @Override
        public void write(int b) throws IOException {
            beforeWriting(1);
            target.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            beforeWriting(length);
            target.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            if (!finishing) {
                beforeCommit();
                target.flush();
            }
        }

        @Override
        public void close() throws IOException {
            beforeCommit();
            target.close();
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
