package chime.conformance.runner.cli;

import chime.conformance.reports.model.Redaction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The console of the command line: whatever it prints, line by line, goes through the kit's one redaction
 * ({@link Redaction#untrusted}): no credential of the run, and no control character from a target's
 * messages (an escape sequence that recolours, moves the cursor or rewrites the terminal's title), reaches
 * the terminal or a log it is piped to.
 */
final class ConsoleGuard extends OutputStream {

    private static final Redaction REDACTION = Redaction.of(false);

    private final OutputStream out;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private ConsoleGuard(OutputStream out) {
        this.out = out;
    }

    /** A print stream that guards {@code out}. */
    static PrintStream guard(OutputStream out) {
        return new PrintStream(new ConsoleGuard(out), true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) throws IOException {
        line.write(b);
        if (b == '\n') {
            emit();
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    /** A partial line goes out too (a prompt), redacted as it stands. */
    @Override
    public synchronized void flush() throws IOException {
        emit();
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        flush();
    }

    private void emit() throws IOException {
        if (line.size() == 0) {
            return;
        }
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        out.write(REDACTION.untrusted(text).getBytes(StandardCharsets.UTF_8));
    }
}
