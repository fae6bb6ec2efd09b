package chime.conformance.runner.target;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** Finds target providers through {@link ServiceLoader} and opens the one a user asked for. */
public final class Targets {

    private Targets() {
    }

    public static List<TargetProvider> providers() {
        List<TargetProvider> all = new ArrayList<>();
        ServiceLoader.load(TargetProvider.class).forEach(all::add);
        return List.copyOf(all);
    }

    public static Target open(String spec, TargetConfig config) {
        for (TargetProvider provider : providers()) {
            if (provider.accepts(spec)) {
                return provider.open(spec, config);
            }
        }
        throw new IllegalArgumentException("no target named '" + spec + "'. Known targets: "
                + providers().stream().map(p -> p.name() + " (" + p.description() + ")")
                        .collect(Collectors.joining("; ")));
    }
}
