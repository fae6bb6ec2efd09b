package chime.conformance.runner.wire;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Records every attempt of every SDK call into the {@link WireLog} bound to the calling thread: the signed
 * request as it left (method, path, query, headers, body) and the response as it came (status, headers,
 * body), with secrets redacted. Reading the response body means replacing its stream with a copy.
 */
public final class WireRecordingInterceptor implements ExecutionInterceptor {

    private static final ExecutionAttribute<Pending> PENDING = new ExecutionAttribute<>("chime-conformance.wire");

    /** One attempt being recorded; becomes a {@link WireExchange} when its response (or failure) is in. */
    private static final class Pending {
        final WireLog log;
        final SdkHttpRequest request;
        final String requestBody;
        final String operation;
        SdkHttpResponse response;
        boolean written;

        Pending(WireLog log, SdkHttpRequest request, String requestBody, String operation) {
            this.log = log;
            this.request = request;
            this.requestBody = requestBody;
            this.operation = operation;
        }

        void write(String responseBody) {
            if (written) {
                return;
            }
            written = true;
            log.add(new WireExchange(request.method().name(), request.encodedPath(), rawQuery(request),
                    response == null ? null : response.statusCode(),
                    Redaction.headers(flatten(request.headers())), requestBody,
                    response == null ? Map.of() : Redaction.headers(flatten(response.headers())),
                    responseBody), operation);
        }
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        WireLog log = WireCapture.current();
        Pending previous = attributes.getAttribute(PENDING);
        if (previous != null) {
            // A retry: the previous attempt got no response we could read.
            previous.write("");
        }
        if (log == null) {
            attributes.putAttribute(PENDING, null);
            return;
        }
        String body = context.requestBody().map(b -> WireLog.bodyText(read(b.contentStreamProvider())))
                .orElse("");
        attributes.putAttribute(PENDING, new Pending(log, context.httpRequest(), body,
                attributes.getAttribute(software.amazon.awssdk.core.interceptor.SdkExecutionAttribute.OPERATION_NAME)));
    }

    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        Pending pending = attributes.getAttribute(PENDING);
        if (pending != null) {
            pending.response = context.httpResponse();
        }
        return context.httpResponse();
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
                                                           ExecutionAttributes attributes) {
        Pending pending = attributes.getAttribute(PENDING);
        Optional<InputStream> content = context.responseBody();
        if (pending == null) {
            return content;
        }
        if (content.isEmpty()) {
            pending.write("");
            return content;
        }
        byte[] bytes;
        try (InputStream in = content.get()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            pending.write("(the response body could not be read: " + e.getMessage() + ")");
            throw new UncheckedIOException(e);
        }
        pending.write(WireLog.bodyText(bytes));
        return Optional.of(new ByteArrayInputStream(bytes));
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        Pending pending = attributes.getAttribute(PENDING);
        if (pending != null) {
            pending.write("");
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        Pending pending = attributes.getAttribute(PENDING);
        if (pending != null) {
            pending.write("");
        }
    }

    private static byte[] read(ContentStreamProvider body) {
        try (InputStream in = body.newStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    static String rawQuery(SdkHttpRequest request) {
        return request.encodedQueryParameters().orElse("");
    }

    static Map<String, String> flatten(Map<String, List<String>> headers) {
        Map<String, String> out = new LinkedHashMap<>();
        headers.forEach((name, values) -> out.put(name, values.stream().collect(Collectors.joining(", "))));
        return out;
    }
}
