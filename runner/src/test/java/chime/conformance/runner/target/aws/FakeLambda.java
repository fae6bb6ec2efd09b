package chime.conformance.runner.target.aws;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.AddPermissionRequest;
import software.amazon.awssdk.services.lambda.model.AddPermissionResponse;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.DeleteFunctionRequest;
import software.amazon.awssdk.services.lambda.model.DeleteFunctionResponse;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.ListFunctionsRequest;
import software.amazon.awssdk.services.lambda.model.ListFunctionsResponse;
import software.amazon.awssdk.services.lambda.model.ListTagsRequest;
import software.amazon.awssdk.services.lambda.model.ListTagsResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.State;

/**
 * Lambda as far as the aws target uses it, in memory: functions with their tags, package and permissions;
 * a new function is Pending for one look; a new role is "not assumable" for the first few CreateFunction
 * calls, as IAM's propagation delay makes it on AWS.
 */
final class FakeLambda implements LambdaClient {

    record Function(CreateFunctionRequest request, String arn, List<AddPermissionRequest> permissions, int[] looks) {
    }

    final Map<String, Function> functions = new LinkedHashMap<>();
    final List<String> calls = new CopyOnWriteArrayList<>();
    int roleNotAssumableFor;
    String failCreating;

    @Override
    public synchronized CreateFunctionResponse createFunction(CreateFunctionRequest request) {
        calls.add("CreateFunction " + request.functionName());
        if (roleNotAssumableFor > 0) {
            roleNotAssumableFor--;
            throw (InvalidParameterValueException) InvalidParameterValueException.builder()
                    .message("The role defined for the function cannot be assumed by Lambda.").statusCode(400).build();
        }
        if (request.functionName().equals(failCreating)) {
            throw (RuntimeException) software.amazon.awssdk.services.lambda.model.CodeStorageExceededException.builder()
                    .message("Code storage limit exceeded.").statusCode(400).build();
        }
        String arn = "arn:aws:lambda:us-east-1:123456789012:function:" + request.functionName();
        functions.put(request.functionName(), new Function(request, arn, new ArrayList<>(), new int[1]));
        return CreateFunctionResponse.builder().functionName(request.functionName()).functionArn(arn)
                .state(State.PENDING).build();
    }

    @Override
    public synchronized GetFunctionConfigurationResponse getFunctionConfiguration(GetFunctionConfigurationRequest request) {
        Function f = require(request.functionName());
        State state = f.looks()[0]++ == 0 ? State.PENDING : State.ACTIVE;
        return GetFunctionConfigurationResponse.builder().functionName(request.functionName()).state(state).build();
    }

    @Override
    public synchronized AddPermissionResponse addPermission(AddPermissionRequest request) {
        calls.add("AddPermission " + request.functionName());
        require(request.functionName()).permissions().add(request);
        return AddPermissionResponse.builder().build();
    }

    @Override
    public synchronized DeleteFunctionResponse deleteFunction(DeleteFunctionRequest request) {
        calls.add("DeleteFunction " + request.functionName());
        require(request.functionName());
        functions.remove(request.functionName());
        return DeleteFunctionResponse.builder().build();
    }

    @Override
    public synchronized ListFunctionsResponse listFunctions(ListFunctionsRequest request) {
        return ListFunctionsResponse.builder().functions(functions.values().stream()
                .map(f -> FunctionConfiguration.builder().functionName(f.request().functionName())
                        .functionArn(f.arn()).build()).toList()).build();
    }

    @Override
    public synchronized ListTagsResponse listTags(ListTagsRequest request) {
        Function f = functions.values().stream().filter(x -> x.arn().equals(request.resource())).findFirst()
                .orElseThrow(() -> notFound(request.resource()));
        return ListTagsResponse.builder().tags(f.request().tags()).build();
    }

    /** A function made by someone else (or the kit, by hand in a test). */
    synchronized void add(String name, Map<String, String> tags) {
        functions.put(name, new Function(CreateFunctionRequest.builder().functionName(name).tags(tags).build(),
                "arn:aws:lambda:us-east-1:123456789012:function:" + name, new ArrayList<>(), new int[1]));
    }

    /** The names of the files in a function's deployment package, with their text. */
    static Map<String, String> files(CreateFunctionRequest request) {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(request.code().zipFile().asByteArray()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                files.put(e.getName(), new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private Function require(String name) {
        Function f = functions.get(name);
        if (f == null) {
            throw notFound(name);
        }
        return f;
    }

    private static ResourceNotFoundException notFound(String what) {
        return (ResourceNotFoundException) ResourceNotFoundException.builder()
                .message("Function not found: " + what).statusCode(404).build();
    }

    @Override
    public String serviceName() {
        return "lambda";
    }

    @Override
    public void close() {
    }
}
