package chime.conformance.runner.wire;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /** In order: an exchange, or an attempt of an SDK call recorded as it travelled and redacted when first read. */
    private final List<Object> exchanges = new ArrayList<>();
    private final List<Label> labels = new ArrayList<>();

    /**
     * An attempt as the SDK client sent and received it, not yet redacted: the redaction (a dozen regular expressions
     * per header and body) is done when a wire step, or the evidence of a failed scenario, reads it, which most
     * exchanges of a passing run never are. It is read through {@link #exchange()}, once.
     */
    static final class Recorded {
        private final String method;
        private final String path;
        private final String query;
        private final Integer status;
        private final Map<String, List<String>> requestHeaders;
        private final byte[] requestBody;
        private final Map<String, List<String>> responseHeaders;
        private final byte[] responseBody;
        private final String responseBodyText;
        private WireExchange exchange;

        /** {@code responseBodyText}: what stands for the response body when it could not be read, else null. */
        Recorded(String method, String path, String query, Integer status, Map<String, List<String>> requestHeaders,
                 byte[] requestBody, Map<String, List<String>> responseHeaders, byte[] responseBody,
                 String responseBodyText) {
            this.method = method;
            this.path = path;
            this.query = query;
            this.status = status;
            this.requestHeaders = requestHeaders;
            this.requestBody = requestBody;
            this.responseHeaders = responseHeaders;
            this.responseBody = responseBody;
            this.responseBodyText = responseBodyText;
        }

        synchronized WireExchange exchange() {
            if (exchange == null) {
                exchange = new WireExchange(method, path, query, status, Redaction.headers(flatten(requestHeaders)),
                        bodyText(requestBody), Redaction.headers(flatten(responseHeaders)),
                        responseBodyText != null ? responseBodyText : bodyText(responseBody));
            }
            return exchange;
        }

        private static Map<String, String> flatten(Map<String, List<String>> headers) {
            Map<String, String> out = new LinkedHashMap<>();
            headers.forEach((name, values) -> out.put(name, String.join(", ", values)));
            return out;
        }
    }

    private static WireExchange exchange(Object entry) {
        return entry instanceof Recorded recorded ? recorded.exchange() : (WireExchange) entry;
    }

    private static Integer status(Object entry) {
        return entry instanceof Recorded recorded ? recorded.status : ((WireExchange) entry).status();
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
        append(exchange, operation);
    }

    /** Records an attempt of an SDK call of {@code operation}, to be redacted when read. */
    void add(Recorded attempt, String operation) {
        append(attempt, operation);
    }

    private void append(Object entry, String operation) {
        chime.conformance.reports.plugin.CurrentStep.State step = chime.conformance.reports.plugin.CurrentStep.current();
        Label label = new Label(operation, step == null ? null : step.label(),
                (step != null && step.setUp()) || WireCapture.settingUp());
        synchronized (this) {
            exchanges.add(entry);
            labels.add(label);
        }
    }

    public List<WireExchange> exchanges() {
        List<Object> all;
        synchronized (this) {
            all = List.copyOf(exchanges);
        }
        return all.stream().map(WireLog::exchange).toList();
    }

    public synchronized List<Label> labels() {
        return List.copyOf(labels);
    }

    public synchronized boolean isEmpty() {
        return exchanges.isEmpty();
    }

    /** The most recent exchange that got a response. */
    public Optional<WireExchange> last() {
        Object found = null;
        synchronized (this) {
            for (int i = exchanges.size() - 1; i >= 0 && found == null; i--) {
                if (status(exchanges.get(i)) != null) {
                    found = exchanges.get(i);
                }
            }
        }
        return Optional.ofNullable(found).map(WireLog::exchange);
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
        List<Label> allLabels;
        synchronized (this) {
            allLabels = List.copyOf(labels);
        }
        List<WireExchange> all = exchanges().subList(0, allLabels.size());
        for (int i = 0; i < all.size(); i++) {
            WireExchange e = all.get(i);
            Label label = allLabels.get(i);
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
