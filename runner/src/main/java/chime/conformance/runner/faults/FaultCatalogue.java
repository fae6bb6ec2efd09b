package chime.conformance.runner.faults;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Every named fault the kit knows, in catalogue order (by rule area). */
public final class FaultCatalogue {

    private static final Map<String, Fault> FAULTS = load();

    private FaultCatalogue() {
    }

    /**
     * The faults by rule area, one file per area: a fault lives with the area of the first rule it breaks
     * ({@link Fault#area()}), so that a fault is found where its rules are.
     */
    private static Map<String, Supplier<List<Fault>>> byArea() {
        Map<String, Supplier<List<Fault>>> areas = new LinkedHashMap<>();
        areas.put("AUTH", AuthFaults::all);
        areas.put("CHAN", ChannelFaults::all);
        areas.put("MEMB", MembershipFaults::all);
        areas.put("MOD", ModerationFaults::all);
        areas.put("BAN", BanFaults::all);
        areas.put("MSG", MessageFaults::all);
        areas.put("SIZE", SizeFaults::all);
        areas.put("PAGE", PagingFaults::all);
        areas.put("IDEM", IdempotencyFaults::all);
        areas.put("READ", ReadMarkerFaults::all);
        areas.put("FLOW", FlowFaults::all);
        areas.put("STAT", StatusFaults::all);
        areas.put("TAG", TagFaults::all);
        areas.put("ENDP", EndpointFaults::all);
        areas.put("ERR", ErrorFaults::all);
        areas.put("SESS", SessionFaults::all);
        return areas;
    }

    private static Map<String, Fault> load() {
        Map<String, Fault> byName = new LinkedHashMap<>();
        List<Fault> all = new ArrayList<>();
        byArea().forEach((area, faults) -> {
            for (Fault fault : faults.get()) {
                if (!fault.area().equals(area)) {
                    throw new IllegalStateException("fault " + fault.name() + " breaks first a rule of " + fault.area()
                            + " but is listed with the faults of " + area);
                }
                all.add(fault);
            }
        });
        for (Fault fault : all) {
            if (byName.put(fault.name(), fault) != null) {
                throw new IllegalStateException("two faults are named " + fault.name());
            }
        }
        return byName;
    }

    public static List<Fault> all() {
        return List.copyOf(FAULTS.values());
    }

    /** The faults named in {@code names} (comma-separated lists allowed), in the order given. */
    public static List<Fault> named(List<String> names) {
        List<Fault> found = new ArrayList<>();
        for (String entry : names) {
            for (String name : entry.split(",")) {
                String wanted = name.strip();
                if (wanted.isEmpty()) {
                    continue;
                }
                Fault fault = FAULTS.get(wanted);
                if (fault == null) {
                    throw new IllegalArgumentException("no fault named '" + wanted + "'; list them with: chime-conformance faults");
                }
                found.add(fault);
            }
        }
        return found;
    }
}
