"""Channel-flow processor of chime-conformance: lets every message through unchanged, but takes its time.

It waits DELAY_SECONDS (an environment variable the kit sets when it deploys the function), then answers
the service as the pass-through processor does: the MessageId only. For that long the message is being
processed, so that a scenario can observe it PENDING and visible to its sender only, whatever the target.
The function's timeout is longer than the delay. The kit deploys it for one run and deletes it after.
"""
import os
import time

import boto3

# Created once per execution environment, not per message.
_messaging = boto3.client("chime-sdk-messaging")


def handler(event, context):
    message = event["ChannelMessage"]
    time.sleep(float(os.environ.get("DELAY_SECONDS", "10")))
    _messaging.channel_flow_callback(
        CallbackId=event["CallbackId"],
        ChannelArn=message["ChannelArn"],
        ChannelMessage={"MessageId": message["MessageId"]},
    )
