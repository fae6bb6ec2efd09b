package chime.conformance.contract;

import static chime.conformance.contract.Service.IDENTITY;
import static chime.conformance.contract.Service.MESSAGING;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.protocols.core.OperationInfo;

/**
 * The one operation list of the kit: every operation the kit speaks, read from the SDK's model, with the
 * success status of each (model-constraints sections 1 and 6). The route table of the HTTP server, the
 * SDK adapter's responses, the coverage gate and the report's operations page all read it.
 *
 * <p>What the SDK carries is taken from it: the request class (the operation must be a method of the
 * service's client interface), the HTTP method and the request URI (from the marshaller the SDK generated
 * for the request, the same binding a client uses to send it). What the SDK does not carry is stated here,
 * once: which operations the documentation describes (the SDK knows eight newer messaging operations, such
 * as {@code SearchChannels}, that the documented API of 2021-05-15 does not have) and the success status
 * (the model's {@code responseCode}, which the SDK does not keep).
 */
public final class Operations {

    private record Entry(Service service, String name, int successStatus) {
    }

    private static final List<Entry> TABLE = List.of(
            // Chime SDK Messaging 2021-05-15: the 43 documented operations.
            new Entry(MESSAGING, "AssociateChannelFlow", 200),
            new Entry(MESSAGING, "BatchCreateChannelMembership", 200),
            new Entry(MESSAGING, "ChannelFlowCallback", 200),
            new Entry(MESSAGING, "CreateChannel", 201),
            new Entry(MESSAGING, "CreateChannelBan", 201),
            new Entry(MESSAGING, "CreateChannelFlow", 201),
            new Entry(MESSAGING, "CreateChannelMembership", 201),
            new Entry(MESSAGING, "CreateChannelModerator", 201),
            new Entry(MESSAGING, "DeleteChannel", 204),
            new Entry(MESSAGING, "DeleteChannelBan", 204),
            new Entry(MESSAGING, "DeleteChannelFlow", 204),
            new Entry(MESSAGING, "DeleteChannelMembership", 204),
            new Entry(MESSAGING, "DeleteChannelMessage", 204),
            new Entry(MESSAGING, "DeleteChannelModerator", 204),
            new Entry(MESSAGING, "DescribeChannel", 200),
            new Entry(MESSAGING, "DescribeChannelBan", 200),
            new Entry(MESSAGING, "DescribeChannelFlow", 200),
            new Entry(MESSAGING, "DescribeChannelMembership", 200),
            new Entry(MESSAGING, "DescribeChannelMembershipForAppInstanceUser", 200),
            new Entry(MESSAGING, "DescribeChannelModeratedByAppInstanceUser", 200),
            new Entry(MESSAGING, "DescribeChannelModerator", 200),
            new Entry(MESSAGING, "DisassociateChannelFlow", 204),
            new Entry(MESSAGING, "GetChannelMessage", 200),
            new Entry(MESSAGING, "GetChannelMessageStatus", 200),
            new Entry(MESSAGING, "GetMessagingSessionEndpoint", 200),
            new Entry(MESSAGING, "ListChannelBans", 200),
            new Entry(MESSAGING, "ListChannelFlows", 200),
            new Entry(MESSAGING, "ListChannelMemberships", 200),
            new Entry(MESSAGING, "ListChannelMembershipsForAppInstanceUser", 200),
            new Entry(MESSAGING, "ListChannelMessages", 200),
            new Entry(MESSAGING, "ListChannelModerators", 200),
            new Entry(MESSAGING, "ListChannels", 200),
            new Entry(MESSAGING, "ListChannelsAssociatedWithChannelFlow", 200),
            new Entry(MESSAGING, "ListChannelsModeratedByAppInstanceUser", 200),
            new Entry(MESSAGING, "ListTagsForResource", 200),
            new Entry(MESSAGING, "RedactChannelMessage", 200),
            new Entry(MESSAGING, "SendChannelMessage", 201),
            new Entry(MESSAGING, "TagResource", 204),
            new Entry(MESSAGING, "UntagResource", 204),
            new Entry(MESSAGING, "UpdateChannel", 200),
            new Entry(MESSAGING, "UpdateChannelFlow", 200),
            new Entry(MESSAGING, "UpdateChannelMessage", 200),
            new Entry(MESSAGING, "UpdateChannelReadMarker", 200),
            // Chime SDK Identity 2021-04-20: what fixtures need. The model gives no responseCode for some
            // GETs; HTTP's default, 200, applies.
            new Entry(IDENTITY, "CreateAppInstance", 201),
            new Entry(IDENTITY, "DescribeAppInstance", 200),
            new Entry(IDENTITY, "DeleteAppInstance", 204),
            new Entry(IDENTITY, "ListAppInstances", 200),
            new Entry(IDENTITY, "CreateAppInstanceUser", 201),
            new Entry(IDENTITY, "DescribeAppInstanceUser", 200),
            new Entry(IDENTITY, "DeleteAppInstanceUser", 204),
            new Entry(IDENTITY, "ListAppInstanceUsers", 200),
            new Entry(IDENTITY, "CreateAppInstanceAdmin", 201),
            new Entry(IDENTITY, "DescribeAppInstanceAdmin", 200),
            new Entry(IDENTITY, "DeleteAppInstanceAdmin", 204),
            new Entry(IDENTITY, "ListAppInstanceAdmins", 200));

    private static final Map<String, Operation> BY_NAME = load();

    private Operations() {
    }

    /** Every operation, messaging first, each service in the alphabetical order of its model. */
    public static List<Operation> all() {
        return List.copyOf(BY_NAME.values());
    }

    /** The operations of one service. */
    public static List<Operation> of(Service service) {
        return BY_NAME.values().stream().filter(o -> o.service() == service).toList();
    }

    /** The names of the 43 documented operations of the messaging API, in alphabetical order. */
    public static List<String> documented() {
        return of(MESSAGING).stream().map(Operation::name).toList();
    }

    /** Whether {@code name} is a documented operation of the messaging API. */
    public static boolean isDocumented(String name) {
        Operation op = BY_NAME.get(name);
        return op != null && op.service() == MESSAGING;
    }

    public static Optional<Operation> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The success status of an operation, e.g. 201 for {@code CreateChannel}. */
    public static int successStatus(String name) {
        Operation op = BY_NAME.get(name);
        if (op == null) {
            throw new IllegalArgumentException("no operation " + name);
        }
        return op.successStatus();
    }

    private static Map<String, Operation> load() {
        Map<String, Operation> byName = new LinkedHashMap<>();
        for (Entry e : TABLE) {
            OperationInfo binding = binding(e.service(), e.name());
            Operation op = new Operation(e.service(), e.name(), binding.httpMethod().name(), binding.requestUri(),
                    e.successStatus());
            if (byName.put(op.name(), op) != null) {
                throw new IllegalStateException("two operations are named " + op.name());
            }
        }
        return byName;
    }

    /**
     * The HTTP binding the SDK generated for an operation: the request URI and method its marshaller sends.
     * Also checks that the operation is one the service's client interface has.
     */
    private static OperationInfo binding(Service service, String name) {
        Class<?> request = service.requestClass(name);
        boolean onClient = false;
        for (Method m : service.clientInterface().getMethods()) {
            if (m.getParameterCount() == 1 && m.getParameterTypes()[0] == request) {
                onClient = true;
            }
        }
        if (!onClient) {
            throw new IllegalStateException(service.clientInterface().getSimpleName() + " has no operation " + name);
        }
        String marshaller = service.clientInterface().getPackageName() + ".transform." + name + "RequestMarshaller";
        try {
            Field field = Class.forName(marshaller, true, service.clientInterface().getClassLoader())
                    .getDeclaredField("SDK_OPERATION_BINDING");
            field.setAccessible(true);
            return (OperationInfo) field.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read the HTTP binding of " + name + " from the SDK ("
                    + marshaller + ")", e);
        }
    }
}
