@area:HTTP @requires:wire @model @rule:HTTP-008
Feature: The bearer on the wire
  The caller of a bearer operation is named by the HTTP header x-amz-chime-bearer. HTTP header names are
  case-insensitive; the bearer is never read from the query string or the body. In a request,
  {{channel:support}} and {{user:Alice}} stand for the ARN of what the scenario created under that name,
  percent-encoded in the path and the query string, as is in a body. "the developer" sends no bearer
  header.

  Background:
    Given Alice has created the public channel "support"

  @op:DescribeChannel
  Example: The header name is matched whatever its case
    When Alice sends the raw request "GET /channels/{{channel:support}}" with the bearer header spelled "X-AMZ-CHIME-BEARER"
    Then the raw response status is 200

  @rule:AUTH-001 @op:DescribeChannel
  Example: A bearer in the query string is not a bearer
    When the developer sends the raw request "GET /channels/{{channel:support}}?x-amz-chime-bearer={{user:Alice}}"
    Then the raw response status is 400
    And the raw response names the error type "BadRequestException"

  @rule:AUTH-001 @op:SendChannelMessage @op:ListChannelMessages
  Example: A bearer in the body is not a bearer
    When the developer sends the raw request "POST /channels/{{channel:support}}/messages" with the body:
      """
      {"Content": "Hello", "Type": "STANDARD", "Persistence": "PERSISTENT", "ClientRequestToken": "{{token}}",
       "ChimeBearer": "{{user:Alice}}"}
      """
    Then the raw response names the error type "BadRequestException"
    And Alice finds no message in "support"
