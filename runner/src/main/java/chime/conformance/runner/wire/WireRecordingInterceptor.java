package chime.conformance.runner.wire;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
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
 * body). Reading the response body means replacing its stream with a copy. Secrets are redacted when the
 * exchange is read (a wire step, the evidence of a failed scenario), not on every call ({@link WireLog}).
 */
public final class WireRecordingInterceptor implements ExecutionInterceptor {

    private static final byte[] NO_BODY = new byte[0];
    private static final ExecutionAttribute<Pending> PENDING = new ExecutionAttribute<>("chime-conformance.wire");

    /** One attempt being recorded; becomes a {@link WireExchange} when its response (or failure) is in. */
    private static final class Pending {
        final WireLog log;
        final SdkHttpRequest request;
        final byte[] requestBody;
        final String operation;
        SdkHttpResponse response;
        boolean written;

        Pending(WireLog log, SdkHttpRequest request, byte[] requestBody, String operation) {
            this.log = log;
            this.request = request;
            this.requestBody = requestBody;
            this.operation = operation;
        }

        void write(byte[] responseBody) {
            write(responseBody, null);
        }

        /** {@code bodyText}: what stands for a response body that could not be read, else null. */
        void write(byte[] responseBody, String bodyText) {
            if (written) {
                return;
            }
            written = true;
            log.add(request.method().name(), request.encodedPath(), rawQuery(request),
                    response == null ? null : response.statusCode(), request.headers(), requestBody,
                    response == null ? Map.of() : response.headers(), responseBody, bodyText, operation);
        }
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        WireLog log = WireCapture.current();
        Pending previous = attributes.getAttribute(PENDING);
        if (previous != null) {
            // A retry: the previous attempt got no response we could read.
            previous.write(NO_BODY);
        }
        if (log == null) {
            attributes.putAttribute(PENDING, null);
            return;
        }
        byte[] body = context.requestBody().map(b -> read(b.contentStreamProvider())).orElse(NO_BODY);
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
            pending.write(NO_BODY);
            return content;
        }
        byte[] bytes;
        try (InputStream in = content.get()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            pending.write(NO_BODY, "(the response body could not be read: " + e.getMessage() + ")");
            throw new UncheckedIOException(e);
        }
        pending.write(bytes);
        return Optional.of(new ByteArrayInputStream(bytes));
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        Pending pending = attributes.getAttribute(PENDING);
        if (pending != null) {
            pending.write(NO_BODY);
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        Pending pending = attributes.getAttribute(PENDING);
        if (pending != null) {
            pending.write(NO_BODY);
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

}
