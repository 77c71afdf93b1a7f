"""Prints an API token for the fuzz run: logs in as USERNAME with PASSWORD at BASE_URL and
creates a token holding every permission the user holds (what the token may do is what the
admin may do, so the fuzzer reaches every operation).

Usage: python3 token.py BASE_URL USERNAME PASSWORD
"""

import http.cookiejar
import json
import sys
import urllib.request


def main() -> None:
    base, username, password = sys.argv[1:4]
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    def call(method: str, path: str, body: dict, headers: dict | None = None) -> dict:
        request = urllib.request.Request(
            base + path,
            method=method,
            data=json.dumps(body).encode(),
            headers={"content-type": "application/json", **(headers or {})},
        )
        with opener.open(request) as response:
            return json.load(response)

    login = call("POST", "/api/v1/auth/login", {"username": username, "password": password})
    created = call(
        "POST",
        "/api/v1/api-tokens",
        {"name": "schemathesis", "grants": login["me"]["permissions"]},
        {"x-csrf-token": login["csrf_token"]},
    )
    print(created["token"])


if __name__ == "__main__":
    main()
