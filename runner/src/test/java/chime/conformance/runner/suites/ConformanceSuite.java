package chime.conformance.runner.suites;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * The whole conformance suite on the JUnit Platform. The target comes from the system property
 * {@code chime.target} (the Maven build runs this suite twice: in process and over HTTP), the report
 * directory from {@code chime.report.dir}; glue, plugins and parallelism from junit-platform.properties.
 */
@Suite
@IncludeEngines("cucumber")
@SelectPackages("features")
public class ConformanceSuite {
}
