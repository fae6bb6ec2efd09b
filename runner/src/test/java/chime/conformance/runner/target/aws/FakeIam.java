package chime.conformance.runner.target.aws;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;
import software.amazon.awssdk.services.iam.model.CreateRoleResponse;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.DeleteRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.DeleteRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.DeleteRoleRequest;
import software.amazon.awssdk.services.iam.model.DeleteRoleResponse;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListRoleTagsRequest;
import software.amazon.awssdk.services.iam.model.ListRoleTagsResponse;
import software.amazon.awssdk.services.iam.model.ListRolesRequest;
import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.PutRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.PutRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/** IAM as far as the aws target uses it, in memory: roles with their path, tags and inline policies. */
final class FakeIam implements IamClient {

    record StoredRole(CreateRoleRequest request, Instant created, Map<String, String> policies) {
    }

    final Map<String, StoredRole> roles = new LinkedHashMap<>();
    final List<String> calls = new CopyOnWriteArrayList<>();
    /** The creation time of the roles created from now on. */
    Instant now = Instant.now();

    @Override
    public synchronized CreateRoleResponse createRole(CreateRoleRequest request) {
        calls.add("CreateRole " + request.roleName());
        roles.put(request.roleName(), new StoredRole(request, now, new LinkedHashMap<>()));
        return CreateRoleResponse.builder().role(role(request.roleName())).build();
    }

    @Override
    public synchronized PutRolePolicyResponse putRolePolicy(PutRolePolicyRequest request) {
        calls.add("PutRolePolicy " + request.roleName() + "/" + request.policyName());
        require(request.roleName()).policies().put(request.policyName(), request.policyDocument());
        return PutRolePolicyResponse.builder().build();
    }

    @Override
    public synchronized ListRolePoliciesResponse listRolePolicies(ListRolePoliciesRequest request) {
        return ListRolePoliciesResponse.builder().policyNames(new ArrayList<>(require(request.roleName()).policies().keySet()))
                .isTruncated(false).build();
    }

    @Override
    public synchronized ListAttachedRolePoliciesResponse listAttachedRolePolicies(ListAttachedRolePoliciesRequest request) {
        require(request.roleName());
        return ListAttachedRolePoliciesResponse.builder().attachedPolicies(List.of()).isTruncated(false).build();
    }

    @Override
    public synchronized DeleteRolePolicyResponse deleteRolePolicy(DeleteRolePolicyRequest request) {
        calls.add("DeleteRolePolicy " + request.roleName() + "/" + request.policyName());
        if (require(request.roleName()).policies().remove(request.policyName()) == null) {
            throw noSuch(request.policyName());
        }
        return DeleteRolePolicyResponse.builder().build();
    }

    @Override
    public synchronized DeleteRoleResponse deleteRole(DeleteRoleRequest request) {
        calls.add("DeleteRole " + request.roleName());
        if (!require(request.roleName()).policies().isEmpty()) {
            throw (DeleteConflictException) DeleteConflictException.builder()
                    .message("Cannot delete entity, must delete policies first.").statusCode(409).build();
        }
        roles.remove(request.roleName());
        return DeleteRoleResponse.builder().build();
    }

    @Override
    public synchronized ListRolesResponse listRoles(ListRolesRequest request) {
        String prefix = request.pathPrefix() == null ? "/" : request.pathPrefix();
        return ListRolesResponse.builder().roles(roles.keySet().stream()
                .filter(n -> path(roles.get(n)).startsWith(prefix)).map(this::role).toList()).isTruncated(false).build();
    }

    @Override
    public synchronized ListRoleTagsResponse listRoleTags(ListRoleTagsRequest request) {
        return ListRoleTagsResponse.builder().tags(require(request.roleName()).request().tags()).isTruncated(false).build();
    }

    /** A role made by someone else. */
    synchronized void add(String path, String name, Tag... tags) {
        roles.put(name, new StoredRole(CreateRoleRequest.builder().path(path).roleName(name).tags(tags).build(),
                now, new LinkedHashMap<>()));
    }

    private Role role(String name) {
        StoredRole r = roles.get(name);
        return Role.builder().roleName(name).path(path(r)).arn("arn:aws:iam::123456789012:role" + path(r) + name)
                .createDate(r.created()).build();
    }

    private static String path(StoredRole r) {
        return r.request().path() == null ? "/" : r.request().path();
    }

    private StoredRole require(String name) {
        StoredRole r = roles.get(name);
        if (r == null) {
            throw noSuch(name);
        }
        return r;
    }

    private static NoSuchEntityException noSuch(String what) {
        return (NoSuchEntityException) NoSuchEntityException.builder().message("The role " + what + " cannot be found.")
                .statusCode(404).build();
    }

    @Override
    public String serviceName() {
        return "iam";
    }

    @Override
    public void close() {
    }
}
