"""Custom labware uploaded twice under the same URI (a re-saved copy) and in a second version."""
metadata = {'protocolName': 'Duplicate custom labware', 'author': 'QA', 'apiLevel': '2.9'}


def run(ctx):
    v1 = ctx.load_labware('examplelabs_6_tuberack_15000ul', 1, version=1)
    v2 = ctx.load_labware('examplelabs_6_tuberack_15000ul', 2, namespace='custom_beta', version=2)
    ctx.comment('{} ({}) / {} ({})'.format(v1, v1.uri, v2, v2.uri))
