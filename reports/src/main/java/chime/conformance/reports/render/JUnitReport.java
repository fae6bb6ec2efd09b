package chime.conformance.reports.render;

import chime.conformance.reports.model.RunResults;
import chime.conformance.reports.model.ScenarioResult;
import chime.conformance.reports.model.Status;
import chime.conformance.reports.model.StepResult;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes {@code junit.xml}, for CI systems, from the results of the run rather than from Cucumber's raw
 * outcomes: a scenario is a {@code <failure>} or an {@code <error>} exactly when it makes the run fail, so
 * that a CI system agrees with the exit code. Each test case that did not pass carries the kit's status, the
 * scenario's ID, level (required or tentative) and rules as properties, and its steps in system-out; one that
 * passed, its level alone (results.json has the rest):
 * <ul>
 *   <li>FAIL of a required scenario: {@code <failure>}; of a tentative one: {@code <failure>} in a strict
 *       run, else {@code <skipped>} with a message saying the target reads a kit decision otherwise;</li>
 *   <li>ERROR: {@code <error>};</li>
 *   <li>NOT_APPLICABLE and XFAIL: {@code <skipped>} with the reason;</li>
 *   <li>XPASS and FLAKY: {@code <failure>} in a strict run, else passed, with the reason in system-out;</li>
 *   <li>PASS: passed.</li>
 * </ul>
 */
public final class JUnitReport {

    public static final String FILE_NAME = "junit.xml";

    private final RunResults run;

    public JUnitReport(RunResults run) {
        this.run = run;
    }

    /** Writes {@value #FILE_NAME} into the directory; returns the file. */
    public Path writeTo(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(FILE_NAME);
        try (OutputStream out = Files.newOutputStream(file)) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            write(xml);
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /** How a scenario appears in JUnit terms. */
    enum Outcome { PASSED, FAILURE, ERROR, SKIPPED }

    static Outcome outcome(ScenarioResult scenario, boolean strict) {
        return switch (scenario.status()) {
            case PASS -> Outcome.PASSED;
            case ERROR -> Outcome.ERROR;
            case FAIL -> scenario.failsRun(strict) ? Outcome.FAILURE : Outcome.SKIPPED;
            case NOT_APPLICABLE, XFAIL -> Outcome.SKIPPED;
            case XPASS, FLAKY -> strict ? Outcome.FAILURE : Outcome.PASSED;
        };
    }

    private void write(XMLStreamWriter xml) throws XMLStreamException {
        int failures = 0;
        int errors = 0;
        int skipped = 0;
        for (ScenarioResult s : run.scenarios()) {
            switch (outcome(s, run.strict())) {
                case FAILURE -> failures++;
                case ERROR -> errors++;
                case SKIPPED -> skipped++;
                default -> { }
            }
        }
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", "chime-conformance " + run.target().name());
        xml.writeAttribute("tests", Integer.toString(run.scenarios().size()));
        xml.writeAttribute("failures", Integer.toString(failures));
        xml.writeAttribute("errors", Integer.toString(errors));
        xml.writeAttribute("skipped", Integer.toString(skipped));
        xml.writeAttribute("time", seconds(run.durationMs()));
        if (run.start() != null) {
            xml.writeAttribute("timestamp", run.start().toString());
        }
        xml.writeCharacters("\n");
        xml.writeStartElement("properties");
        property(xml, "target", run.target().name());
        property(xml, "kit", run.kit().version() + " (" + run.kit().commit() + ")");
        property(xml, "verdict", run.verdict() == null ? "" : run.verdict().name());
        property(xml, "strict", Boolean.toString(run.strict()));
        xml.writeEndElement();
        xml.writeCharacters("\n");
        for (ScenarioResult s : run.scenarios()) {
            testCase(xml, s);
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
    }

    private void testCase(XMLStreamWriter xml, ScenarioResult s) throws XMLStreamException {
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", s.feature());
        xml.writeAttribute("name", clean(s.name()));
        xml.writeAttribute("time", seconds(s.durationMs()));
        xml.writeCharacters("\n");
        // A scenario that passed is its name, time and level; the others carry what a CI reader needs to act on
        // them. (results.json has every scenario's ID and rules.)
        if (s.status() != Status.PASS) {
            properties(xml, s);
        } else {
            xml.writeStartElement("properties");
            property(xml, "level", s.level().label());
            xml.writeEndElement();
            xml.writeCharacters("\n");
        }
        String message = message(s);
        switch (outcome(s, run.strict())) {
            case FAILURE -> element(xml, "failure", message, s.errorType() == null ? s.status().name() : s.errorType(),
                    s.errorMessage());
            case ERROR -> element(xml, "error", message, s.errorType() == null ? "ERROR" : s.errorType(), s.errorMessage());
            case SKIPPED -> element(xml, "skipped", message, null, null);
            default -> { }
        }
        // The steps of a scenario that passed are its feature's, all passed: they are written only for the others.
        if (s.status() != Status.PASS) {
            xml.writeStartElement("system-out");
            xml.writeCharacters(clean(steps(s)));
            xml.writeEndElement();
            xml.writeCharacters("\n");
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static void properties(XMLStreamWriter xml, ScenarioResult s) throws XMLStreamException {
        xml.writeStartElement("properties");
        property(xml, "id", s.id());
        property(xml, "status", s.status().name());
        property(xml, "level", s.level().label());
        property(xml, "rules", String.join(" ", s.rules()));
        if (s.assumption() != null) {
            property(xml, "assumption", s.assumption());
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    /** One line saying what happened, for the message attribute. */
    private String message(ScenarioResult s) {
        String detail = s.status() == Status.FAIL || s.status() == Status.ERROR
                ? firstLine(s.errorMessage() != null ? s.errorMessage() : s.errorType())
                : firstLine(s.reason());
        String prefix = switch (s.status()) {
            case FAIL -> s.isTentative()
                    ? "FAIL (tentative: the target differs from the kit's reading where AWS documents nothing"
                            + (run.strict() ? ")" : "; fails only a --strict run)")
                    : "FAIL";
            default -> s.status().name();
        };
        return detail == null ? prefix : prefix + ": " + detail;
    }

    private static String steps(ScenarioResult s) {
        StringBuilder out = new StringBuilder("\n");
        for (StepResult step : s.steps()) {
            out.append(step.keyword().strip()).append(' ').append(step.text()).append(" ... ").append(step.status())
                    .append('\n');
        }
        if (s.reason() != null) {
            out.append("Reason: ").append(s.reason()).append('\n');
        }
        if (s.assumption() != null) {
            out.append("Kit decision (tentative): ").append(s.assumption()).append('\n');
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter xml, String name, String message, String type, String body)
            throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeAttribute("message", clean(message));
        if (type != null) {
            xml.writeAttribute("type", clean(type));
        }
        if (body != null) {
            xml.writeCharacters(clean(body));
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", clean(value));
    }

    private static String firstLine(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String first = text.strip().lines().findFirst().orElse("");
        return first.length() > 500 ? first.substring(0, 497) + "..." : first;
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    /** Leaves out the characters XML 1.0 cannot carry (most control characters). */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
            out.appendCodePoint(allowed ? c : 0xFFFD);
        });
        return out.toString();
    }
}
