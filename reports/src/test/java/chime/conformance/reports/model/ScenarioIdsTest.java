package chime.conformance.reports.model;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

class ScenarioIdsTest {

    @Test
    void theFeaturePathIsRelativeToTheFeaturesDirectory() {
        assertThat(ScenarioIds.featurePath(URI.create("classpath:features/channels/privacy.feature")), is("channels/privacy.feature"));
        assertThat(ScenarioIds.featurePath(URI.create("file:///home/ci/kit/features/flows/fallback.feature")), is("flows/fallback.feature"));
        assertThat(ScenarioIds.featurePath("elsewhere/odd.feature"), is("odd.feature"));
    }

    @Test
    void slugsAreLowerCaseAsciiWordsJoinedByHyphens() {
        assertThat(ScenarioIds.slug("A non-member reads the channel"), is("a-non-member-reads-the-channel"));
        assertThat(ScenarioIds.slug("4096 bytes accepted, 4097 rejected (UTF-8: «é»)"), is("4096-bytes-accepted-4097-rejected-utf-8-e"));
        assertThat(ScenarioIds.slug("<script>"), is("script"));
        assertThat(ScenarioIds.slug("!!!"), is("scenario"));
    }

    @Test
    void featurePagesAreFlatFilesUnderFeatures() {
        assertThat(ScenarioIds.featurePage("channels/privacy.feature"), is("features/channels-privacy.html"));
    }

    @Test
    void idsFollowRulesOutlinesAndRepeatedNames() {
        FeatureDocument document = FeatureDocument.parse("moderation/bans.feature", """
                Feature: Bans

                  Scenario: A moderator bans a member
                    Given x

                  Rule: Banned users cannot rejoin
                    Scenario: A banned user rejoins
                      Given x

                    Scenario Outline: Banning <who>
                      Given x
                      Examples:
                        | who   |
                        | Bob   |
                        | Carol |
                      Examples: more
                        | who  |
                        | Dave |

                  Scenario: A moderator bans a member
                    Given x
                """);
        assertThat(document.name(), is("Bans"));
        assertThat(document.idAt(3).orElseThrow(), is("moderation/bans.feature#a-moderator-bans-a-member"));
        assertThat(document.idAt(7).orElseThrow(), is("moderation/bans.feature#a-banned-user-rejoins"));
        assertThat(document.idAt(14).orElseThrow(), is("moderation/bans.feature#banning-who-1"));
        assertThat(document.idAt(15).orElseThrow(), is("moderation/bans.feature#banning-who-2"));
        assertThat(document.idAt(18).orElseThrow(), is("moderation/bans.feature#banning-who-3"));
        assertThat(document.idAt(20).orElseThrow(), is("moderation/bans.feature#a-moderator-bans-a-member-2"));
    }

    @Test
    void namesThatSlugAlikeStillGetDistinctIds() {
        FeatureDocument document = FeatureDocument.parse("x.feature", """
                Feature: X
                  Scenario: Send 2
                    Given x
                  Scenario: Send
                    Given x
                  Scenario: Send
                    Given x
                """);
        assertThat(document.idAt(2).orElseThrow(), is("x.feature#send-2"));
        assertThat(document.idAt(4).orElseThrow(), is("x.feature#send"));
        assertThat(document.idAt(6).orElseThrow(), is("x.feature#send-2-2"));
    }
}
