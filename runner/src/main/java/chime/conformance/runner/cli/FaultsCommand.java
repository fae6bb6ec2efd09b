package chime.conformance.runner.cli;

import chime.conformance.runner.faults.Fault;
import chime.conformance.runner.faults.FaultCatalogue;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code faults}: lists the named faults that {@code run --fault} and {@code kill-matrix} inject. */
@Command(name = "faults", mixinStandardHelpOptions = true,
        description = "List the named faults (plausible emulator bugs) with the rules each one breaks.")
public final class FaultsCommand implements Callable<Integer> {

    @Option(names = "--markdown", description = "Print a Markdown table instead of plain lines.")
    boolean markdown;

    @Override
    public Integer call() {
        if (markdown) {
            System.out.println("| Fault | Area | Rules | What is wrong |");
            System.out.println("|---|---|---|---|");
        }
        for (Fault f : FaultCatalogue.all()) {
            if (markdown) {
                System.out.printf("| `%s` | %s | %s | %s |%n", f.name(), f.area(), String.join(", ", f.rules()),
                        f.description().replace("|", "\\|"));
            } else {
                System.out.printf("%-40s %-22s %s%n", f.name(), String.join(",", f.rules()), f.description());
            }
        }
        return 0;
    }
}
