package chime.conformance.runner.wire;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Every HTTP exchange of one scenario, in order: what the SDK clients sent and received (recorded by
 * {@link WireRecordingInterceptor}) and the raw requests of wire-level steps. Empty on targets without a
 * wire (the in-process reference). Attached to a failed scenario as evidence, and read by wire steps.
 */
public final class WireLog {

    /** The media type the reports module renders as wire evidence. */
    public static final String MEDIA_TYPE = "application/vnd.chime-conformance.wire+json";
    /** Bodies longer than this are cut in the evidence (the rest is never needed to see what happened). */
    public static final int BODY_LIMIT = 64 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** In order: every exchange with its status (null: no response) and its label. */
    private final List<Entry> entries = new ArrayList<>();

    private record Entry(Integer status, Supplier<WireExchange> exchange, Label label) {
    }

    /**
     * What an exchange was for, noted as it is recorded: the API operation, the step that made it, and whether it
     * was set-up (a before hook, the scenario's Given block, or a fixture made on first mention) rather than what
     * the scenario checks.
     */
    public record Label(String operation, String step, boolean setUp) {
    }

    public void add(WireExchange exchange) {
        add(exchange, null);
    }

    /** Records an exchange of {@code operation} (null: unknown, e.g. a raw request), labelled by this thread's step. */
    public void add(WireExchange exchange, String operation) {
        append(exchange.status(), () -> exchange, operation);
    }

    /**
     * Records an attempt of an SDK call of {@code operation} as it travelled. It is redacted (a dozen regular
     * expressions per header and body) when a wire step, or the evidence of a failed scenario, first reads it,
     * which most exchanges of a passing run never are. {@code responseBodyText}: what stands for the response
     * body when it could not be read, else null.
     */
    void add(String method, String path, String query, Integer status, Map<String, List<String>> requestHeaders,
             byte[] requestBody, Map<String, List<String>> responseHeaders, byte[] responseBody,
             String responseBodyText, String operation) {
        Supplier<WireExchange> redacted = () -> new WireExchange(method, path, query, status,
                Redaction.headers(flatten(requestHeaders)), bodyText(requestBody),
                Redaction.headers(flatten(responseHeaders)),
                responseBodyText != null ? responseBodyText : bodyText(responseBody));
        append(status, new Supplier<>() {
            private WireExchange exchange;

            @Override
            public synchronized WireExchange get() {
                if (exchange == null) {
                    exchange = redacted.get();
                }
                return exchange;
            }
        }, operation);
    }

    private static Map<String, String> flatten(Map<String, List<String>> headers) {
        Map<String, String> out = new LinkedHashMap<>();
        headers.forEach((name, values) -> out.put(name, String.join(", ", values)));
        return out;
    }

    private void append(Integer status, Supplier<WireExchange> exchange, String operation) {
        chime.conformance.reports.plugin.CurrentStep.State step = chime.conformance.reports.plugin.CurrentStep.current();
        Label label = new Label(operation, step == null ? null : step.label(),
                (step != null && step.setUp()) || WireCapture.settingUp());
        synchronized (this) {
            entries.add(new Entry(status, exchange, label));
        }
    }

    private synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    public List<WireExchange> exchanges() {
        return entries().stream().map(e -> e.exchange().get()).toList();
    }

    public List<Label> labels() {
        return entries().stream().map(Entry::label).toList();
    }

    public synchronized boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The most recent exchange that got a response. */
    public Optional<WireExchange> last() {
        List<Entry> all = entries();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).status() != null) {
                return Optional.of(all.get(i).exchange().get());
            }
        }
        return Optional.empty();
    }

    /**
     * The evidence as JSON: an array of {@code {method, path, query, status, requestHeaders, requestBody,
     * responseHeaders, responseBody}}.
     */
    public byte[] toJson() {
        return toJson(Map.of());
    }

    /**
     * As {@link #toJson()}, each exchange with its {@code operation}, {@code step} and {@code setUp}, and under
     * {@code names} the cast's names of the ARNs it carries ({@code {ARN: "Alice"}}), so that the report can show
     * Alice where the wire says arn:aws:chime:...
     *
     * @param names the scenario's names, by ARN
     */
    public byte[] toJson(Map<String, String> names) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Entry entry : entries()) {
            WireExchange e = entry.exchange().get();
            Label label = entry.label();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("method", e.method());
            m.put("path", e.path());
            m.put("query", e.query());
            m.put("status", e.status());
            m.put("requestHeaders", e.requestHeaders());
            m.put("requestBody", e.requestBody());
            m.put("responseHeaders", e.responseHeaders());
            m.put("responseBody", e.responseBody());
            m.put("operation", label.operation());
            m.put("step", label.step());
            m.put("setUp", label.setUp());
            Map<String, String> carried = new LinkedHashMap<>();
            String text = e.path() + " " + e.query() + " " + e.requestBody() + " " + e.responseBody() + " "
                    + e.requestHeaders().values() + " " + e.responseHeaders().values();
            names.forEach((arn, name) -> {
                if (text.contains(arn) || text.contains(java.net.URLEncoder.encode(arn, StandardCharsets.UTF_8))) {
                    carried.put(arn, name);
                }
            });
            if (!carried.isEmpty()) {
                m.put("names", carried);
            }
            out.add(m);
        }
        try {
            return JSON.writeValueAsBytes(out);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return ("[{\"error\": \"wire evidence could not be written\"}]").getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Body bytes as evidence text: UTF-8, cut at {@link #BODY_LIMIT}, secrets masked. */
    public static String bodyText(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        String text = new String(body, 0, Math.min(body.length, BODY_LIMIT), StandardCharsets.UTF_8);
        if (body.length > BODY_LIMIT) {
            text += "... (" + (body.length - BODY_LIMIT) + " more bytes not shown)";
        }
        return Redaction.body(text);
    }
}
