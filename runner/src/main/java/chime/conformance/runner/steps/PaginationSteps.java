package chime.conformance.runner.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import chime.conformance.reports.HarnessException;
import chime.conformance.runner.api.Driver;
import chime.conformance.runner.api.Members;
import chime.conformance.runner.world.Outcome;
import chime.conformance.runner.world.Setup;
import chime.conformance.runner.world.World;
import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessageSummary;
import software.amazon.awssdk.services.chimesdkmessaging.model.CreateChannelResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.SendChannelMessageResponse;

/**
 * Paging through the nine list operations by following NextToken by hand (PAGE-001 to PAGE-008): there
 * are no paginators for this service (PAGE-006).
 *
 * <p>A list is named as a feature says it ("the bans in "lobby"", "the channels moderated by Max", ...).
 * {@code Given <list> total N} makes the list hold exactly N items the scenario knows; a paging run then
 * collects the pages, and the {@code Then} steps compare them with those items. Channels these steps
 * create are made by Ada, who is then removed from their members and moderators should the service have
 * added her, so that every list starts empty whatever a service does with a channel's creator.
 */
public class PaginationSteps extends Steps {

    /** Messages in paged channels are posted by this member of the channel. */
    static final String POSTER = "Bob";

    private static final Pattern LISTING = Pattern.compile(
            "the bans in \"([^\"]+)\""
                    + "|the channel flows of the AppInstance"
                    + "|the memberships of \"([^\"]+)\""
                    + "|the channel memberships of ([A-Z][a-z]+)"
                    + "|the messages in \"([^\"]+)\"(?: (oldest first|newest first))?"
                    + "|the moderators of \"([^\"]+)\""
                    + "|the (public|private) channels"
                    + "|the channels associated with \"([^\"]+)\""
                    + "|the channels moderated by ([A-Z][a-z]+)");

    /** The items each list was filled with, by {@link Listing#key()}. */
    private final Map<String, List<String>> expected = new HashMap<>();
    private PagingRun run;
    private int channels;
    private int users;

    public PaginationSteps(Driver api) {
        super(api);
    }

    // ---------------------------------------------------------------- glossary

    /** The nine list operations of the API, by what they list. */
    public enum ListKind {
        BANS("ListChannelBans"),
        CHANNEL_FLOWS("ListChannelFlows"),
        MEMBERSHIPS("ListChannelMemberships"),
        MEMBERSHIPS_OF_USER("ListChannelMembershipsForAppInstanceUser"),
        MESSAGES("ListChannelMessages"),
        MODERATORS("ListChannelModerators"),
        CHANNELS("ListChannels"),
        CHANNELS_OF_FLOW("ListChannelsAssociatedWithChannelFlow"),
        CHANNELS_MODERATED_BY_USER("ListChannelsModeratedByAppInstanceUser");

        private final String operation;

        ListKind(String operation) {
            this.operation = operation;
        }

        public String operation() {
            return operation;
        }
    }

    /**
     * A list as a feature names it: which operation, and its subject (a channel, a flow or a user name),
     * the privacy filter of channel lists and the sort order of message lists.
     */
    public record Listing(String text, ListKind kind, String subject, String privacy, String order) {

        /** The items of a list do not depend on its sort order. */
        String key() {
            return kind + ":" + subject + ":" + privacy;
        }

        String channel() {
            return kind == ListKind.CHANNELS_OF_FLOW || kind == ListKind.CHANNEL_FLOWS ? null : subject;
        }
    }

    @ParameterType("the bans in \"[^\"]+\""
            + "|the channel flows of the AppInstance"
            + "|the memberships of \"[^\"]+\""
            + "|the channel memberships of [A-Z][a-z]+"
            + "|the messages in \"[^\"]+\"(?: (?:oldest first|newest first))?"
            + "|the moderators of \"[^\"]+\""
            + "|the (?:public|private) channels"
            + "|the channels associated with \"[^\"]+\""
            + "|the channels moderated by [A-Z][a-z]+")
    public Listing listing(String text) {
        Matcher m = LISTING.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a list: " + text);
        }
        if (m.group(1) != null) {
            return new Listing(text, ListKind.BANS, m.group(1), null, null);
        }
        if (text.equals("the channel flows of the AppInstance")) {
            return new Listing(text, ListKind.CHANNEL_FLOWS, null, null, null);
        }
        if (m.group(2) != null) {
            return new Listing(text, ListKind.MEMBERSHIPS, m.group(2), null, null);
        }
        if (m.group(3) != null) {
            return new Listing(text, ListKind.MEMBERSHIPS_OF_USER, m.group(3), null, null);
        }
        if (m.group(4) != null) {
            String order = m.group(5) == null ? null : m.group(5).startsWith("oldest") ? "ASCENDING" : "DESCENDING";
            return new Listing(text, ListKind.MESSAGES, m.group(4), null, order);
        }
        if (m.group(6) != null) {
            return new Listing(text, ListKind.MODERATORS, m.group(6), null, null);
        }
        if (m.group(7) != null) {
            return new Listing(text, ListKind.CHANNELS, null,
                    m.group(7).toUpperCase(java.util.Locale.ROOT), null);
        }
        if (m.group(8) != null) {
            return new Listing(text, ListKind.CHANNELS_OF_FLOW, m.group(8), null, null);
        }
        return new Listing(text, ListKind.CHANNELS_MODERATED_BY_USER, m.group(9), null, null);
    }

    // ---------------------------------------------------------------- Given: filling lists

    /** Makes the list hold exactly {@code total} items, all made for this scenario. */
    @Given("{listing} total {int}")
    public void listingTotals(Listing listing, int total) {
        prepare(listing);
        for (int i = 0; i < total; i++) {
            expected(listing).add(addItem(listing));
        }
    }

    /** PAGE-008: channels of both privacies, one of each in turn. */
    @Given("the AppInstance has {int} public and {int} private channels, created alternately")
    public void publicAndPrivateChannels(int publicCount, int privateCount) {
        Listing publicChannels = listing("the public channels");
        Listing privateChannels = listing("the private channels");
        prepare(publicChannels);
        prepare(privateChannels);
        for (int i = 0; i < Math.max(publicCount, privateCount); i++) {
            if (i < publicCount) {
                expected(publicChannels).add(addItem(publicChannels));
            }
            if (i < privateCount) {
                expected(privateChannels).add(addItem(privateChannels));
            }
        }
    }

    /** PAGE-008: default and hidden members, one of each in turn. Only the default ones are expected. */
    @Given("{channel} has {int} members and {int} hidden members, added alternately")
    public void defaultAndHiddenMembers(String channel, int defaultCount, int hiddenCount) {
        Listing memberships = listing("the memberships of \"" + channel + "\"");
        prepare(memberships);
        for (int i = 0; i < Math.max(defaultCount, hiddenCount); i++) {
            if (i < defaultCount) {
                expected(memberships).add(addMember(channel, "DEFAULT"));
            }
            if (i < hiddenCount) {
                addMember(channel, "HIDDEN");
            }
        }
    }

    // ---------------------------------------------------------------- When: paging

    @When("{actor} pages through {listing}, {int} at a time")
    public void pagesThrough(String actor, Listing listing, int pageSize) {
        page(actor, listing, pageSize, null, null);
    }

    /** PAGE-007: the page size is left to the service. */
    @When("{actor} pages through {listing} without giving a page size")
    public void pagesThroughWithoutAPageSize(String actor, Listing listing) {
        page(actor, listing, null, null, null);
    }

    /** PAGE-004: the sort order and the window are sent with every page, next tokens included. */
    @When("{actor} pages through {listing}, {int} at a time, with NotBefore between {string} and {string}"
            + " and NotAfter between {string} and {string}")
    public void pagesThroughAWindow(String actor, Listing listing, int pageSize, String startAfter,
                                    String startBefore, String endAfter, String endBefore) {
        if (listing.kind() != ListKind.MESSAGES) {
            throw new HarnessException("only messages have a time window: " + listing.text());
        }
        Instant notBefore = ledger.between(startAfter, startBefore);
        Instant notAfter = ledger.between(endAfter, endBefore);
        page(actor, listing, pageSize, notBefore, notAfter);
    }

    /** PAGE-005: a token that looks like one but that the service never handed out. */
    @When("{actor} asks for {listing} with a next token the service never issued")
    public void asksWithAMadeUpToken(String actor, Listing listing) {
        String madeUp = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("page-2-of-" + world.ids().token()).getBytes(StandardCharsets.UTF_8));
        request(listing).with("NextToken", madeUp).attempt(actor);
    }

    /** PAGE-005: the next token of a real first page, with one character in its middle changed. */
    @When("{actor} asks for {listing} with a next token it has altered")
    public void asksWithAnAlteredToken(String actor, Listing listing) {
        String issued = Members.text(request(listing).with("MaxResults", 1).send(actor), "NextToken");
        if (issued == null || issued.length() < 2) {
            throw new HarnessException("the first page of " + listing.text() + " carries no next token to alter");
        }
        int middle = issued.length() / 2;
        char replacement = issued.charAt(middle) == 'A' ? 'B' : 'A';
        String altered = issued.substring(0, middle) + replacement + issued.substring(middle + 1);
        request(listing).with("MaxResults", 1).with("NextToken", altered).attempt(actor);
    }

    // ---------------------------------------------------------------- Then

    @Then("the pages hold all {int} of them, each exactly once")
    public void thePagesHoldAll(int total) {
        PagingRun run = run();
        List<String> expected = expected(run.listing());
        if (expected.size() != total) {
            throw new HarnessException("the scenario made " + expected.size() + " items for " + run.listing().text()
                    + ", not " + total);
        }
        assertThat("the paging of " + run.listing().text() + " came to an end: the last page had no next token",
                run.finished(), is(true));
        List<String> all = run.pages().stream().flatMap(List::stream).toList();
        Set<String> duplicates = new HashSet<>();
        Set<String> once = new HashSet<>();
        for (String item : all) {
            if (!once.add(item)) {
                duplicates.add(item);
            }
        }
        assertThat("items on more than one page, or twice on a page", duplicates, empty());
        assertThat("the items on all pages", all, containsInAnyOrder(expected.toArray(String[]::new)));
    }

    @Then("no page holds more than {int}")
    public void noPageHoldsMoreThan(int pageSize) {
        List<Integer> sizes = run().pages().stream().map(List::size).toList();
        assertThat("the number of items on each page", sizes, everyItem(lessThanOrEqualTo(pageSize)));
    }

    /** PAGE-002: only a page with items after it carries a next token, so the pages end where the items do. */
    @Then("the items came in {int} page(s)")
    public void theItemsCameIn(int pages) {
        PagingRun run = run();
        assertThat("the paging of " + run.listing().text() + " came to an end: the last page had no next token",
                run.finished(), is(true));
        assertThat("the number of pages of " + run.listing().text() + " (sizes " + run.pages().stream().map(List::size).toList()
                + ")", run.pages().size(), equalTo(pages));
    }

    @Then("the first page holds {int}")
    public void theFirstPageHolds(int count) {
        PagingRun run = run();
        assertThat("the first page of " + run.listing().text(), run.pages().get(0).size(), equalTo(count));
    }

    // ---------------------------------------------------------------- paging

    /** The pages a {@code When} collected; {@code finished} once a page came without a next token. */
    record PagingRun(Listing listing, List<List<String>> pages, boolean finished) {
    }

    /** The list operation's canonical request for what the feature names. */
    private Driver.Call request(Listing listing) {
        Driver.Call call = api.canonical(listing.kind().operation(), listing.channel(),
                listing.kind() == ListKind.CHANNELS_OF_FLOW ? listing.subject() : null);
        if (listing.kind() == ListKind.MEMBERSHIPS_OF_USER || listing.kind() == ListKind.CHANNELS_MODERATED_BY_USER) {
            call.with("AppInstanceUserArn", world.actor(listing.subject()));
        }
        return listing.privacy() != null ? call.with("Privacy", listing.privacy())
                : listing.order() != null ? call.with("SortOrder", listing.order()) : call;
    }

    private void page(String actor, Listing listing, Integer pageSize, Instant notBefore, Instant notAfter) {
        Driver.Call call = request(listing).with("MaxResults", pageSize);
        if (notBefore != null) {
            call.with("NotBefore", notBefore).with("NotAfter", notAfter);
        }
        // A service that keeps handing out next tokens must not keep the kit paging forever: a list the
        // scenario filled needs at most one page per item and one more; any other list gets 1000 pages.
        List<String> filled = expected.get(listing.key());
        int limit = filled == null ? Driver.MAX_PAGES
                : (pageSize == null || pageSize < 1 ? filled.size() : filled.size() / pageSize) + 3;
        List<List<String>> pages = new ArrayList<>();
        List<ChannelMessageSummary> messages = new ArrayList<>();
        String token = null;
        boolean finished = false;
        while (pages.size() < limit && !finished) {
            Outcome outcome = call.with("NextToken", token).attempt(actor);
            if (outcome.failed()) {
                break;
            }
            List<?> items = Members.items(outcome.response(SdkResponse.class));
            pages.add(items.stream().map(Members::id).toList());
            items.stream().filter(ChannelMessageSummary.class::isInstance).map(ChannelMessageSummary.class::cast)
                    .forEach(messages::add);
            token = Members.text(outcome.response(SdkResponse.class), "NextToken");
            finished = token == null;
        }
        run = new PagingRun(listing, List.copyOf(pages), finished);
        if (listing.kind() == ListKind.MESSAGES && !world.outcome().failed()) {
            ledger.seen(messages);
        }
    }

    private PagingRun run() {
        Outcome last = world.outcome();
        if (last.failed()) {
            last.response(SdkResponse.class); // reports the failure
        }
        if (run == null) {
            throw new HarnessException("a step asserts on pages but no step paged through a list");
        }
        return run;
    }

    // ---------------------------------------------------------------- filling lists

    private List<String> expected(Listing listing) {
        return expected.computeIfAbsent(listing.key(), key -> new ArrayList<>());
    }

    /** Creates what the list belongs to (channel, flow, user), empty. */
    private void prepare(Listing listing) {
        expected(listing);
        switch (listing.kind()) {
            case BANS, MEMBERSHIPS, MODERATORS -> emptyChannel(listing.subject());
            case MESSAGES -> {
                emptyChannel(listing.subject());
                Setup.tolerateConflict(() -> join(world.channel(listing.subject()), world.actor(POSTER), "DEFAULT"));
            }
            case CHANNELS_OF_FLOW -> {
                if (!knowsFlow(listing.subject())) {
                    world.rememberFlow(listing.subject(), flows.createFlow(listing.subject()));
                }
            }
            case MEMBERSHIPS_OF_USER, CHANNELS_MODERATED_BY_USER -> world.actor(listing.subject());
            default -> { }
        }
    }

    /** Adds one item to the list and returns its identifier as the list shows it. */
    private String addItem(Listing listing) {
        return switch (listing.kind()) {
            case BANS -> in(listing, "CreateChannelBan", "MemberArn", extraUser());
            case CHANNEL_FLOWS -> flows.createFlow("paged-flow-" + expected(listing).size());
            case MEMBERSHIPS -> addMember(listing.subject(), "DEFAULT");
            case MEMBERSHIPS_OF_USER -> join(newChannel("PUBLIC"), world.actor(listing.subject()), "DEFAULT");
            case MESSAGES -> api.canonical("SendChannelMessage", listing.subject(), null)
                    .with("Content", "message " + (expected(listing).size() + 1))
                    .<SendChannelMessageResponse>send(POSTER).messageId();
            case MODERATORS -> in(listing, "CreateChannelModerator", "ChannelModeratorArn", extraUser());
            case CHANNELS -> newChannel(listing.privacy());
            case CHANNELS_OF_FLOW -> asAdmin(api.call("AssociateChannelFlow").with("ChannelArn", newChannel("PUBLIC"))
                    .with("ChannelFlowArn", world.flow(listing.subject())), "ChannelArn");
            case CHANNELS_MODERATED_BY_USER -> asAdmin(api.call("CreateChannelModerator")
                    .with("ChannelArn", newChannel("PUBLIC")).with("ChannelModeratorArn", world.actor(listing.subject())),
                    "ChannelArn");
        };
    }

    /** Ada makes the request on the list's channel naming the user; returns the user. */
    private String in(Listing listing, String operation, String member, String user) {
        return asAdmin(api.canonical(operation, listing.subject(), null).with(member, user), member);
    }

    /** Ada makes the request; returns what it named in the member. */
    private String asAdmin(Driver.Call call, String member) {
        call.send(World.ADMIN);
        return Members.text(call.request(World.ADMIN), member);
    }

    private String join(String channelArn, String userArn, String type) {
        return asAdmin(api.call("CreateChannelMembership").with("ChannelArn", channelArn).with("MemberArn", userArn)
                .with("Type", type), "ChannelArn");
    }

    private String addMember(String channelName, String type) {
        String user = extraUser();
        join(world.channel(channelName), user, type);
        return user;
    }

    /** A channel of this name with no members and no moderators, unless the scenario already has it. */
    private void emptyChannel(String name) {
        if (!world.hasChannel(name)) {
            world.rememberChannel(name, createEmptyChannel(name, "PUBLIC"));
        }
    }

    private String newChannel(String privacy) {
        return createEmptyChannel("paged-channel-" + ++channels, privacy);
    }

    private String createEmptyChannel(String name, String privacy) {
        String arn = api.canonical("CreateChannel", null, null).with("Name", name).with("Privacy", privacy)
                .<CreateChannelResponse>send(World.ADMIN).channelArn();
        // The service makes a channel's creator a member and a moderator (CHAN-026): undo both, so that the
        // lists start empty (on a service that does not, there is nothing to undo).
        String admin = world.actor(World.ADMIN);
        ignoringErrors(api.call("DeleteChannelMembership").with("ChannelArn", arn).with("MemberArn", admin));
        ignoringErrors(api.call("DeleteChannelModerator").with("ChannelArn", arn).with("ChannelModeratorArn", admin));
        return arn;
    }

    /** A user of the AppInstance made for filling a list: Extra01, Extra02, ... */
    private String extraUser() {
        return world.actor(String.format("Extra%02d", ++users));
    }

    private boolean knowsFlow(String name) {
        try {
            world.flow(name);
            return true;
        } catch (HarnessException notYet) {
            return false;
        }
    }

    private static void ignoringErrors(Driver.Call call) {
        try {
            call.send(World.ADMIN);
        } catch (AwsServiceException notThere) {
            // nothing to undo
        }
    }
}
