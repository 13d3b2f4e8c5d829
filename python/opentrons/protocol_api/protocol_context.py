from labwright_sandbox import bridge


class ProtocolContext(object):
    def __init__(self, api_version=None, simulating=True):
        self._api_version = api_version
        self._simulating = simulating

    def home(self):
        bridge.call('home')
