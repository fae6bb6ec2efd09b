package chime.conformance.runner.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;

import chime.conformance.reports.HarnessException;
import chime.conformance.runner.api.Driver;
import chime.conformance.runner.api.Members;
import chime.conformance.runner.api.Operation;
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
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.*;

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

    /**
     * The lists the features name, by their words: the list operation, and the operation that adds an item
     * to it (none: the items are new channels), made by Ada, the AppInstanceAdmin, except messages, which a
     * member of the channel posts. The
     * group of the words names what the list is of (a channel, a channel flow, a user) or, for channels, the
     * privacy; messages may add the sort order.
     */
    private static final List<Kind> KINDS = List.of(
            new Kind("the bans in \"([^\"]+)\"", "ListChannelBans", "CreateChannelBan", World.ADMIN),
            new Kind("the channel flows of the AppInstance", "ListChannelFlows", "CreateChannelFlow", World.ADMIN),
            new Kind("the memberships of \"([^\"]+)\"", "ListChannelMemberships", "CreateChannelMembership",
                    World.ADMIN),
            new Kind("the channel memberships of ([A-Z][a-z]+)", "ListChannelMembershipsForAppInstanceUser",
                    "CreateChannelMembership", World.ADMIN),
            new Kind("the messages in \"([^\"]+)\"(?: (oldest first|newest first))?", "ListChannelMessages",
                    "SendChannelMessage", "Bob"),
            new Kind("the moderators of \"([^\"]+)\"", "ListChannelModerators", "CreateChannelModerator",
                    World.ADMIN),
            new Kind("the (public|private) channels", "ListChannels", null, World.ADMIN),
            new Kind("the channels associated with \"([^\"]+)\"", "ListChannelsAssociatedWithChannelFlow",
                    "AssociateChannelFlow", World.ADMIN),
            new Kind("the channels moderated by ([A-Z][a-z]+)", "ListChannelsModeratedByAppInstanceUser",
                    "CreateChannelModerator", World.ADMIN));

    /** The users of the AppInstance a request about a user in a channel names them by. */
    private static final List<String> USER_MEMBERS = List.of("MemberArn", "ChannelModeratorArn");

    /** The items each list was filled with, by {@link Listing#key()}. */
    private final Map<String, List<String>> expected = new HashMap<>();
    private PagingRun run;
    private int channels;
    private int users;

    public PaginationSteps(Driver api) {
        super(api);
    }

    // ---------------------------------------------------------------- glossary

    /** A way the features name a list (see {@link #KINDS}). */
    record Kind(Pattern words, Operation list, Operation filler, String filledBy) {

        Kind(String words, String list, String filler, String filledBy) {
            this(Pattern.compile(words), Operation.named(list), filler == null ? null : Operation.named(filler), filledBy);
        }
    }

    /**
     * A list as a feature names it: its kind, and what it is of (a channel, a flow or a user name, as the
     * list operation's members say), the privacy filter of channel lists and the sort order of message lists.
     */
    public record Listing(String text, Kind kind, String subject, String privacy, String order) {

        Operation operation() {
            return kind.list();
        }

        /** The items of a list do not depend on its sort order. */
        String key() {
            return operation().name() + ":" + subject + ":" + privacy;
        }

        String channel() {
            return operation().takes("ChannelArn") ? subject : null;
        }

        String flow() {
            return operation().takes("ChannelFlowArn") ? subject : null;
        }

        String user() {
            return operation().takes("AppInstanceUserArn") ? subject : null;
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
        for (Kind kind : KINDS) {
            Matcher m = kind.words().matcher(text);
            if (m.matches()) {
                String group = m.groupCount() > 0 ? m.group(1) : null;
                boolean privacy = kind.list().takes("Privacy");
                String order = m.groupCount() < 2 || m.group(2) == null ? null
                        : m.group(2).startsWith("oldest") ? "ASCENDING" : "DESCENDING";
                return new Listing(text, kind, privacy ? null : group,
                        privacy ? group.toUpperCase(java.util.Locale.ROOT) : null, order);
            }
        }
        throw new IllegalArgumentException("not a list: " + text);
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
                expected(memberships).add(addItem(memberships, call -> call));
            }
            if (i < hiddenCount) {
                addItem(memberships, call -> call.with("Type", "HIDDEN"));
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
        if (!listing.operation().takes("NotBefore")) {
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
        Driver.Call call = api.canonical(listing.operation().name(), listing.channel(), listing.flow());
        if (listing.user() != null) {
            call.with("AppInstanceUserArn", world.actor(listing.user()));
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
        Driver.Paged paged = call.attemptPages(actor, limit);
        run = new PagingRun(listing, paged.ids(), paged.finished());
        List<ChannelMessageSummary> messages = paged.items().stream().filter(ChannelMessageSummary.class::isInstance)
                .map(ChannelMessageSummary.class::cast).toList();
        if (!messages.isEmpty() && !world.outcome().failed()) {
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

    /**
     * Creates what the list is of, empty: a channel (which the one who fills the list joins unless it is
     * Ada), a channel flow, a user.
     */
    private void prepare(Listing listing) {
        expected(listing);
        if (listing.channel() != null) {
            emptyChannel(listing.channel());
            String filler = listing.kind().filledBy();
            if (!World.ADMIN.equals(filler)) {
                Setup.tolerateConflict(() -> api.call("CreateChannelMembership")
                        .with("ChannelArn", world.channel(listing.channel())).with("MemberArn", world.actor(filler))
                        .with("Type", "DEFAULT").send(World.ADMIN));
            }
        }
        if (listing.flow() != null && !world.hasFlow(listing.flow())) {
            world.rememberFlow(listing.flow(), flows.createFlow(listing.flow()));
        }
        if (listing.user() != null) {
            world.actor(listing.user());
        }
    }

    private String addItem(Listing listing) {
        return addItem(listing, call -> call);
    }

    /**
     * Adds one item to the list with its filling operation's canonical request, and returns what the list
     * identifies the item by: a new channel, where the list is of channels; else a new user, where the request
     * names a user in a channel; else the identifier the response gives (a message, a channel flow).
     */
    private String addItem(Listing listing, UnaryOperator<Driver.Call> change) {
        Operation filler = listing.kind().filler();
        if (filler == null) {
            return newChannel(listing.privacy());
        }
        Driver.Call call = change.apply(api.canonical(filler.name(), listing.channel(), listing.flow()));
        String item = null;
        if (listing.channel() == null && filler.takes("ChannelArn")) {
            call.with("ChannelArn", item = newChannel("PUBLIC"));
        }
        String member = USER_MEMBERS.stream().filter(filler::takes).findFirst().orElse(null);
        if (member != null) {
            String user = listing.user() != null ? world.actor(listing.user()) : extraUser();
            call.with(member, user);
            item = item == null ? user : item;
        }
        int number = expected(listing).size() + 1;
        if (filler.takes("Content")) {
            call.with("Content", "message " + number);
        }
        if (filler.takes("Name")) {
            call.with("Name", "paged-" + number);
        }
        SdkRequest request = call.request(listing.kind().filledBy());
        SdkResponse response = call.send(listing.kind().filledBy());
        return item != null ? item : response.sdkFields().stream()
                .filter(f -> f.memberName().endsWith("Arn") || f.memberName().endsWith("Id"))
                .filter(f -> !Members.has(request, f.memberName()))
                .map(f -> Members.text(response, f.memberName())).findFirst()
                .orElseThrow(() -> new HarnessException(filler.name() + " names no new item"));
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
        // lists start empty (on a service that does not, there is nothing to undo: the refusal is only read).
        String admin = world.actor(World.ADMIN);
        api.call("DeleteChannelMembership").with("ChannelArn", arn).with("MemberArn", admin).read(World.ADMIN);
        api.call("DeleteChannelModerator").with("ChannelArn", arn).with("ChannelModeratorArn", admin).read(World.ADMIN);
        return arn;
    }

    /** A user of the AppInstance made for filling a list: Extra01, Extra02, ... */
    private String extraUser() {
        return world.actor(String.format("Extra%02d", ++users));
    }
}
