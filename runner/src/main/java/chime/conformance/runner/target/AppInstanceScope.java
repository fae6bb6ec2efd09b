package chime.conformance.runner.target;

/**
 * The AppInstance a scenario runs in, and the users it creates there. On the reference each scenario
 * gets a fresh AppInstance; on AWS one AppInstance per run is shared and users get unique names.
 * Closing the scope deletes what it created.
 */
public interface AppInstanceScope extends AutoCloseable {

    String appInstanceArn();

    /** Creates an AppInstanceUser whose Name is {@code name}; returns its ARN. */
    String createUser(String name);

    /** Makes an existing user of this AppInstance an AppInstanceAdmin. */
    void makeAdmin(String userArn);

    /** Deletes an AppInstanceUser (identity DeleteAppInstanceUser). */
    void deleteUser(String userArn);

    @Override
    void close();
}
