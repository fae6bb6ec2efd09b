@area:TAG
Feature: Tags
  Channels and channel flows can carry tags: key-value pairs, given when the resource is created or
  applied later. Tagging, untagging and listing tags take no bearer: "the developer" below is the app's
  back end calling them. Keys run from 1 to 128 characters and values from 1 to 256; a request carries
  at most 50 tags. Those limits come from the service model, which counts characters, not bytes.

  Background:
    Given Alice has created the public channel "support"

  @rule:TAG-001 @op:CreateChannel @op:ListTagsForResource
  Rule: A channel carries the tags it was created with

    Example: The tags given at creation are listed
      When Alice creates the channel "sales" with the tags:
        | key         | value |
        | team        | emea  |
        | cost-centre | 4711  |
      Then the tags of "sales" are exactly:
        | key         | value |
        | team        | emea  |
        | cost-centre | 4711  |

  @rule:TAG-002 @op:CreateChannelFlow @op:ListTagsForResource
  Rule: A channel flow carries the tags it was created with

    Example: The tags given at creation are listed
      When the developer creates the channel flow "profanity-filter" with the pass-through processor and the tags:
        | key   | value      |
        | owner | trust-team |
      Then the tags of the channel flow "profanity-filter" are exactly:
        | key   | value      |
        | owner | trust-team |

  @rule:TAG-003 @op:TagResource @op:ListTagsForResource
  Rule: Tagging a resource adds tags, and a tag with an existing key takes the new value
    # That an existing key is overwritten is the AWS convention; the documentation does not say so.

    Background:
      Given "support" is tagged:
        | key  | value |
        | team | emea  |

    Example: A tag with a new key is added
      When the developer tags "support" with:
        | key  | value |
        | tier | gold  |
      Then the tags of "support" are exactly:
        | key  | value |
        | team | emea  |
        | tier | gold  |

    @assumption
    Example: A tag with an existing key takes the new value
      When the developer tags "support" with:
        | key  | value |
        | team | apac  |
      Then the tags of "support" are exactly:
        | key  | value |
        | team | apac  |

    Example: A channel flow is tagged
      Given the channel flow "profanity-filter" runs the pass-through processor
      When the developer tags the channel flow "profanity-filter" with:
        | key   | value      |
        | owner | trust-team |
      Then the tags of the channel flow "profanity-filter" are exactly:
        | key   | value      |
        | owner | trust-team |

  @rule:TAG-004 @op:UntagResource @op:ListTagsForResource
  Rule: Untagging removes the tags with the keys given and keeps the others

    Background:
      Given "support" is tagged:
        | key  | value |
        | team | emea  |
        | tier | gold  |

    Example: The keys given are removed, the others kept
      When the developer removes these tag keys from "support":
        | key  |
        | tier |
      Then the tags of "support" are exactly:
        | key  | value |
        | team | emea  |

    Example: A key the resource does not carry is no error
      When the developer removes these tag keys from "support":
        | key    |
        | colour |
      Then the request succeeds
      And the tags of "support" are exactly:
        | key  | value |
        | team | emea  |
        | tier | gold  |

  @rule:TAG-005 @op:ListTagsForResource
  Rule: Tags are listed for channels and channel flows, empty when there are none

    Example: A channel without tags has an empty list
      When the developer lists the tags of "support"
      Then no tags are listed

    Example: A channel flow without tags has an empty list
      Given the channel flow "profanity-filter" runs the pass-through processor
      When the developer lists the tags of the channel flow "profanity-filter"
      Then no tags are listed

    @assumption @op:TagResource
    Example: Something that is not a messaging resource cannot be tagged
      # The documentation says only that tags apply to messaging resources; it names no error for
      # anything else. The kit accepts either modeled client error.
      When the developer tags the AppInstanceUser Carol with:
        | key  | value |
        | team | emea  |
      Then the request fails with BadRequestException or ForbiddenException

  @rule:TAG-006
  Rule: A tag has a key and a value, within the model's limits

    @op:TagResource
    Example: A tag without a value is refused
      When the developer tags "support" with a tag that has no value
      Then the request fails with BadRequestException

    @op:TagResource
    Example: A tag without a key is refused
      When the developer tags "support" with a tag that has no key
      Then the request fails with BadRequestException

    @op:CreateChannel
    Example: A channel cannot be created with a tag without a value
      When Alice creates the channel "sales" with a tag that has no value
      Then the request fails with BadRequestException

    @op:CreateChannelFlow
    Example: A channel flow cannot be created with a tag without a key
      When the developer creates the channel flow "untidy" with the pass-through processor and a tag that has no key
      Then the request fails with BadRequestException

    @model @op:TagResource
    Scenario Outline: A key of <length> characters is <verdict>
      When the developer tags "support" with a key of <length> characters
      Then the request <outcome>

      Examples:
        | length | verdict  | outcome                        |
        | 128    | accepted | succeeds                       |
        | 129    | refused  | fails with BadRequestException |

    @model @op:TagResource
    Scenario Outline: A value of <length> characters is <verdict>
      When the developer tags "support" with a value of <length> characters
      Then the request <outcome>

      Examples:
        | length | verdict  | outcome                        |
        | 256    | accepted | succeeds                       |
        | 257    | refused  | fails with BadRequestException |

    @model @op:TagResource @op:ListTagsForResource
    Example: Limits count characters: a key of 128 two-byte characters is accepted
      When the developer tags "support" with a key of 128 characters "é", 256 bytes in UTF-8
      Then the request succeeds
      And "support" carries a tag whose key is 128 characters "é"

    @model @op:TagResource
    Scenario Outline: A request with <count> tags is <verdict>
      When the developer tags "support" with <count> tags in one request
      Then the request <outcome>

      Examples:
        | count | verdict  | outcome                        |
        | 50    | accepted | succeeds                       |
        | 51    | refused  | fails with BadRequestException |

    @assumption @op:TagResource
    Scenario Outline: A channel carrying <count> tags <verdict> one more
      # The documentation gives no limit of tags per resource: the kit takes 50, the most one request can carry.
      Given "support" carries <count> tags
      When the developer tags "support" with one more tag
      Then the request <outcome>

      Examples:
        | count | verdict | outcome                                   |
        | 49    | takes   | succeeds                                  |
        | 50    | refuses | fails with ResourceLimitExceededException |
