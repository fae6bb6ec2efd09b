package chime.conformance.reports.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 43 operations of the documented Amazon Chime SDK Messaging API (2021-05-15), as the report names them:
 * the kit's one operation list ({@link chime.conformance.contract.Operations}), read from the SDK's model.
 */
public final class Operations {

    /** Every documented operation, in alphabetical order (the order of the service model). */
    public static final List<String> ALL = chime.conformance.contract.Operations.documented();

    private static final Set<String> KNOWN = Set.copyOf(ALL);
    private static final Pattern WORD = Pattern.compile("[A-Za-z]+");

    private Operations() {
    }

    public static boolean isKnown(String operation) {
        return KNOWN.contains(operation);
    }

    /**
     * The operation names a free-text operations column mentions, in order of mention. The registry
     * writes the column for people ("CreateChannel, DescribeChannel", "SendChannelMessage (channel
     * with a flow)", "The 9 list operations"), so only whole words that are documented operation
     * names count; prose and names of other services (identity DeleteAppInstanceUser) are dropped.
     */
    public static List<String> mentionedIn(String text) {
        if (text == null) {
            return List.of();
        }
        Set<String> found = new LinkedHashSet<>();
        Matcher words = WORD.matcher(text);
        while (words.find()) {
            if (KNOWN.contains(words.group())) {
                found.add(words.group());
            }
        }
        return List.copyOf(new ArrayList<>(found));
    }
}
