// Parses cards with the official adaptivecards 3.0.6 renderer (in jsdom) and lists every validation event.
// Usage: node parse.js <tools/node_modules> < {"cards":[{...}, ...]}
// Prints {"results":[{"events":[{"phase":..,"event":..,"message":..}], "validation":[...]}]}
const path = require("path");
const modules = process.argv[2];
const { JSDOM } = require(path.join(modules, "jsdom"));
const dom = new JSDOM("<!DOCTYPE html><html><body></body></html>");
// The renderer uses browser globals (document, HTMLElement, HTMLButtonElement, ...): expose jsdom's.
for (const key of Object.getOwnPropertyNames(dom.window)) {
  if (!(key in global)) {
    try {
      global[key] = dom.window[key];
    } catch (e) {
      // A few window properties are accessors that cannot be read outside a browsing context.
    }
  }
}
global.window = dom.window;
global.document = dom.window.document;
// The renderer logs to the console; keep stdout for the JSON result.
console.log = (...args) => process.stderr.write(args.map(String).join(" ") + "\n");
console.warn = console.log;
const AC = require(path.join(modules, "adaptivecards", "dist", "adaptivecards.js"));
let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const { cards } = JSON.parse(input);
  const results = cards.map((json) => {
    const context = new AC.SerializationContext(new AC.Version(1, 5));
    const card = new AC.AdaptiveCard();
    const events = [];
    try {
      card.parse(json, context);
    } catch (e) {
      events.push({ phase: "Parse", event: "Exception", message: String(e && e.message ? e.message : e) });
    }
    for (let i = 0; i < context.eventCount; i++) {
      const ev = context.getEventAt(i);
      events.push({
        phase: AC.ValidationPhase[ev.phase],
        event: AC.ValidationEvent[ev.event],
        message: ev.message,
      });
    }
    const validation = [];
    const report = card.validateProperties();
    for (const ev of report.validationEvents) {
      validation.push({ phase: AC.ValidationPhase[ev.phase], event: AC.ValidationEvent[ev.event], message: ev.message });
    }
    let rendered = false;
    try {
      rendered = !!card.render();
    } catch (e) {
      events.push({ phase: "Render", event: "Exception", message: String(e && e.message ? e.message : e) });
    }
    return { events, validation, rendered };
  });
  process.stdout.write(JSON.stringify({ results }));
});
