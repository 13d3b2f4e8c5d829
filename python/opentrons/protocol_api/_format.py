"""The run log's `text.format(**payload)` step (spec 10.3), with CPython 3.7's messages."""
import string


def format_text(text, payload):
    if not isinstance(text, str):
        raise AttributeError("'{}' object has no attribute 'format'".format(type(text).__name__))
    for _literal, field, _spec, _conv in string.Formatter().parse(text):
        if field is None:
            continue
        head = field.split('.')[0].split('[')[0]
        if head == '' or head.isdigit():
            # 3.7 reports positional fields without arguments this way.
            raise IndexError('tuple index out of range')
    return text.format(**payload)
