package chime.conformance.reference.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a client program nobody on the project wrote (the AWS CLI, Python's boto3) against the server, in
 * an environment of its own: dummy credentials, a region, empty config and credentials files and a home
 * directory of its own, so nothing of the machine's AWS setup is read, and a time limit per command.
 */
final class ExternalClient {

    record Result(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\nstdout: " + stdout + "\nstderr: " + stderr;
        }
    }

    private final Path home;
    private final Duration timeout;

    ExternalClient(Path home, Duration timeout) throws IOException {
        this.home = home;
        this.timeout = timeout;
        Files.createDirectories(home);
        Files.writeString(home.resolve("config"), "");
        Files.writeString(home.resolve("credentials"), "");
    }

    Result run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("BOTO"));
        env.put("HOME", home.toString());
        env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
        env.put("AWS_ACCESS_KEY_ID", "AKIDCHIMECONFORMANCE");
        env.put("AWS_SECRET_ACCESS_KEY", "chime-conformance-dummy-secret");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_REGION", "us-east-1");
        // No pager, no prompt, no instance metadata lookups, no retries: one command, one request.
        env.put("AWS_PAGER", "");
        env.put("AWS_CLI_AUTO_PROMPT", "off");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_MAX_ATTEMPTS", "1");
        Process process = pb.start();
        process.getOutputStream().close();
        CompletableFuture<String> out = drain(process.getInputStream());
        CompletableFuture<String> err = drain(process.getErrorStream());
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out after " + timeout.toSeconds() + " s: " + String.join(" ", command));
        }
        return new Result(process.exitValue(), out.join(), err.join());
    }

    private static CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(unreadable: " + e.getMessage() + ")";
            }
        });
    }

    static List<String> concat(List<String> a, String... b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(List.of(b));
        return all;
    }
}
