package chime.conformance.runner.faults;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every named fault the kit knows, in catalogue order (by rule area). */
public final class FaultCatalogue {

    private static final Map<String, Fault> FAULTS = load();

    private FaultCatalogue() {
    }

    private static Map<String, Fault> load() {
        Map<String, Fault> byName = new LinkedHashMap<>();
        List<Fault> all = new ArrayList<>();
        all.addAll(AccessFaults.all());
        all.addAll(MessageFaults.all());
        all.addAll(FlowFaults.all());
        all.addAll(RuleFaults.all());
        all.addAll(ContractFaults.all());
        all.addAll(GuideFaults.all());
        all.addAll(CallbackFaults.all());
        all.addAll(SessionFaults.all());
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
