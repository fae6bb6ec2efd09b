package chime.conformance.benchmarks.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection that sends a whole request in one write and reads one response: the
 * leanest client possible, so the figures are the server's and not a client library's. TCP_NODELAY is set
 * so that no request waits on Nagle's algorithm.
 */
final class RawHttpConnection implements AutoCloseable {

    /** Status and body of one response. */
    record Response(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final InetSocketAddress address;
    private final int timeoutMillis;
    private Socket socket;
    private OutputStream out;
    private InputStream in;
    /** Bytes read from the socket and not yet parsed: buffer[position, limit). */
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;

    RawHttpConnection(InetSocketAddress address, int timeoutMillis) {
        this.address = address;
        this.timeoutMillis = timeoutMillis;
    }

    /** Sends {@code request} (head and body, as bytes) and reads the response; reconnects if the server closed. */
    Response exchange(byte[] request) throws IOException {
        return exchange(request, true);
    }

    /**
     * As {@link #exchange(byte[])}; without {@code keepBody} the body is skipped rather than copied (the
     * response then has an empty body), so a load test spends as little of the machine on its own side as it can.
     */
    Response exchange(byte[] request, boolean keepBody) throws IOException {
        if (socket == null) {
            connect();
        }
        out.write(request);
        out.flush();
        return read(keepBody);
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(timeoutMillis);
        socket.connect(address, timeoutMillis);
        out = socket.getOutputStream();
        in = socket.getInputStream();
        position = 0;
        limit = 0;
    }

    /** The head parsed where it lies in the buffer, without a String per header line. */
    private Response read(boolean keepBody) throws IOException {
        int lineEnd = lineEnd();
        if (lineEnd < 0) {
            close();
            throw new IOException("connection closed before a response");
        }
        if (lineEnd - position < 12) {
            close();
            throw new IOException("malformed status line");
        }
        int status = (buffer[position + 9] - '0') * 100 + (buffer[position + 10] - '0') * 10
                + (buffer[position + 11] - '0');
        position = lineEnd + 1;
        int length = -1;
        boolean close = false;
        while (true) {
            lineEnd = lineEnd();
            if (lineEnd < 0) {
                close();
                throw new IOException("connection closed in a response head");
            }
            int end = lineEnd > position && buffer[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            if (end == position) {
                position = lineEnd + 1;
                break;
            }
            if (startsWithIgnoreCase("content-length:", end)) {
                length = Integer.parseInt(text(position + 15, end).trim());
            } else if (startsWithIgnoreCase("connection:", end)) {
                close = text(position + 11, end).trim().equalsIgnoreCase("close");
            }
            position = lineEnd + 1;
        }
        byte[] body = new byte[keepBody && length > 0 ? length : 0];
        int copied = 0;
        for (int left = Math.max(length, 0); left > 0; ) {
            if (position == limit && !fill()) {
                close();
                throw new IOException("connection closed in a response body");
            }
            int n = Math.min(left, limit - position);
            if (keepBody) {
                System.arraycopy(buffer, position, body, copied, n);
                copied += n;
            }
            position += n;
            left -= n;
        }
        if (close) {
            close();
        }
        return new Response(status, body);
    }

    /** The index of the next '\n' at or after position, reading more as needed; -1 at the end of the stream. */
    private int lineEnd() throws IOException {
        int from = position;
        while (true) {
            for (int i = from; i < limit; i++) {
                if (buffer[i] == '\n') {
                    return i;
                }
            }
            from = limit - position;
            if (!fill()) {
                return -1;
            }
            from += position;
        }
    }

    /** Moves the unparsed bytes to the start of the buffer and reads more; false at the end of the stream. */
    private boolean fill() throws IOException {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        if (limit == buffer.length) {
            throw new IOException("response head larger than " + buffer.length + " bytes");
        }
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            return false;
        }
        limit += n;
        return true;
    }

    private boolean startsWithIgnoreCase(String lowerCasePrefix, int end) {
        if (end - position < lowerCasePrefix.length()) {
            return false;
        }
        for (int i = 0; i < lowerCasePrefix.length(); i++) {
            if (Character.toLowerCase((char) buffer[position + i]) != lowerCasePrefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private String text(int from, int to) {
        return new String(buffer, from, to - from, StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
            socket = null;
        }
    }
}
