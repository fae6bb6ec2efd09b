@requires:wire
Feature: The kit's wire steps, against the reference served over HTTP
  A self-test of the wire steps and of the wire evidence: every step of the family is used once against a
  service whose answers are known. The scenario tagged @fails-on-purpose fails so that its evidence can be
  checked.

  Background:
    Given Alice has created the public channel "support"

  Scenario: A raw request with the bearer, and the members of the answer
    When Alice sends the raw request "GET /channels/{{channel:support}}"
    Then the raw response status is 200
    And the raw response body has "Channel.ChannelArn" equal to "{{channel:support}}"
    And the raw response body has the member "Channel.CreatedBy"
    And the raw response body has "Channel.CreatedTimestamp" as a JSON number
    And the raw response body has no member "Channel.ChannelFlowArn"
    And the service answered HTTP 200

  Scenario: The bearer header spelled in capitals
    When Alice sends the raw request "GET /channels/{{channel:support}}" with the bearer header spelled "X-AMZ-CHIME-BEARER"
    Then the raw response status is 200

  Scenario: A bearer in the body is no bearer
    When the developer sends the raw request "POST /channels/{{channel:support}}/messages" with the body:
      """
      {"Content": "Hello", "Type": "STANDARD", "Persistence": "PERSISTENT", "ClientRequestToken": "{{token}}",
       "ChimeBearer": "{{user:Alice}}"}
      """
    Then the raw response status is 400
    And the raw response names the error type "BadRequestException"
    And the raw response body has a documented error code under "Code" and a "Message"

  Scenario: A list in the answer, and a time in the query string
    Given Alice has posted "Hello" in "support"
    When Alice sends the raw request "GET /channels/{{channel:support}}/messages?not-before=2000-01-01T00:00:00Z"
    Then the raw response body lists 1 item under "ChannelMessages"
    And the raw response body has "ChannelMessages.0.MessageId" equal to "{{message:Hello}}"

  Scenario: An empty answer
    When Ada sends the raw request "DELETE /channels/{{channel:support}}"
    Then the raw response status is 204
    And the raw response body carries no output
    And the service answered with no output

  Scenario: An SDK call is on the wire too
    When Carol posts "Hello?" in "support"
    Then the request fails with ForbiddenException
    And the service answered HTTP 403

  @fails-on-purpose
  Scenario: A failure carries the wire as evidence
    When Carol posts "Hello?" in "support"
    Then the request succeeds
