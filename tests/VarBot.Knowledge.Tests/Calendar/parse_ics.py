"""Parses an iCalendar file with python3-icalendar (Debian) and prints its content as JSON.

Usage: /usr/bin/python3 parse_ics.py < file.ics
"""
import datetime
import json
import sys

import icalendar


def when(value):
    is_date = not isinstance(value, datetime.datetime)
    utc = None if is_date or value.tzinfo is None else value.astimezone(datetime.timezone.utc).isoformat()
    return {"value": value.isoformat(), "isDate": is_date, "utc": utc, "tz": None if is_date or value.tzinfo is None else str(value.tzinfo)}


def main():
    data = sys.stdin.buffer.read()
    calendar = icalendar.Calendar.from_ical(data)
    events = []
    for event in calendar.walk("VEVENT"):
        events.append({
            "uid": str(event.get("uid")),
            "summary": str(event.get("summary")),
            "description": str(event.get("description")),
            "location": str(event.get("location")) if event.get("location") is not None else None,
            "status": str(event.get("status")),
            "dtstart": when(event.decoded("dtstart")),
            "dtend": when(event.decoded("dtend")),
            "dtstamp": event.decoded("dtstamp").isoformat(),
        })
    result = {
        "prodid": str(calendar.get("prodid")),
        "version": str(calendar.get("version")),
        "errors": [str(e) for c in calendar.walk() for e in getattr(c, "errors", [])],
        "timezones": [str(tz.get("tzid")) for tz in calendar.walk("VTIMEZONE")],
        "timezoneRules": [c.name for tz in calendar.walk("VTIMEZONE") for c in tz.subcomponents],
        "events": events,
    }
    sys.stdout.write(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
