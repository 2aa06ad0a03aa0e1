// The draw rule baeum-draw/1 (docs/decisions/0027-verifiable-draw.md), recomputed in the citizen's browser with Web
// Crypto only: the same checks as Draw.verify (org.baeum.recruitment.draw.DrawVerifier), in the same order, with the
// same field names, stopping at the first difference. Shares no code with the portal's Java.

const RULE = 'baeum-draw/1';
const RULE_TEXT = "Each application has weight tickets k = 0..weight-1. A ticket's key is "
  + 'HMAC-SHA256(key = seed, message = UTF-8 of round + "|" + number + "|" + k); an application\'s key is '
  + 'the smallest of its tickets\' keys as an unsigned big-endian number. The draw order is the applications '
  + 'by key ascending (equal keys by number). Reserved pass: in draw order, each application eligible for '
  + "the reserved share gets its highest-ranked choice with at least its seats left in that offering's "
  + 'reserved share. Unused reserved seats then join the general seats. General pass: in draw order, each '
  + 'application without a seat gets its highest-ranked choice with at least its seats left. An '
  + 'application wins at most once; one that gets no seat has lost. commitment = hex(SHA-256(seed)).';
const MAX_CHOICES = 3;
const MAX_SEATS = 8;

const text = value => (value === null || value === undefined ? 'null' : String(value));
const mismatch = (field, expected, found) => ({ ok: false, field, expected, found });
const hex = bytes => Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');

function fromHex(digits) {
  const bytes = new Uint8Array(digits.length / 2);
  for (let i = 0; i < bytes.length; i++) {
    bytes[i] = parseInt(digits.substr(2 * i, 2), 16);
  }
  return bytes;
}

// unsigned big-endian comparison of two equally long byte arrays (Arrays.compareUnsigned)
function compareUnsigned(a, b) {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) {
      return a[i] - b[i];
    }
  }
  return a.length - b.length;
}

const isInt = n => typeof n === 'number' && Number.isInteger(n);

// DrawInput's checks: the first input the rule does not define, or null
function checkInput(r) {
  if (typeof r.round !== 'string' || r.round.trim() === '') {
    return mismatch('round', 'a round id', text(r.round));
  }
  const ids = new Set();
  const offerings = r.offerings || [];
  for (let i = 0; i < offerings.length; i++) {
    const o = offerings[i];
    const at = `offerings[${i}]`;
    if (o.id === null || o.id === undefined || ids.has(o.id)) {
      return mismatch(`${at}.id`, 'a unique id', text(o.id));
    }
    ids.add(o.id);
    if (!isInt(o.seats) || o.seats < 0) {
      return mismatch(`${at}.seats`, '0 or more', text(o.seats));
    }
    if (!isInt(o.reserved) || o.reserved < 0 || o.reserved > o.seats) {
      return mismatch(`${at}.reserved`, `0..${o.seats}`, text(o.reserved));
    }
  }
  const numbers = new Set();
  const applications = r.applications || [];
  for (let i = 0; i < applications.length; i++) {
    const a = applications[i];
    const at = `applications[${i}]`;
    if (a.number === null || a.number === undefined || numbers.has(a.number)) {
      return mismatch(`${at}.number`, 'a unique number', text(a.number));
    }
    numbers.add(a.number);
    if (a.weight !== 1 && a.weight !== 2) {
      return mismatch(`${at}.weight`, '1 or 2', text(a.weight));
    }
    if (!isInt(a.seats) || a.seats < 1 || a.seats > MAX_SEATS) {
      return mismatch(`${at}.seats`, `1..${MAX_SEATS}`, text(a.seats));
    }
    const choices = Array.isArray(a.choices) ? a.choices : [];
    if (choices.length === 0 || choices.length > MAX_CHOICES || new Set(choices).size !== choices.length
        || !choices.every(c => ids.has(c))) {
      return mismatch(`${at}.choices`, `1-${MAX_CHOICES} distinct offerings of the round`,
        `[${choices.join(', ')}]`);
    }
  }
  return null;
}

// the draw order: applications by key ascending (smallest ticket key), equal keys by number
async function order(round, seed, applications) {
  const mac = await crypto.subtle.importKey('raw', seed, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const utf8 = new TextEncoder();
  const keyed = [];
  for (const a of applications) {
    let smallest = null;
    for (let k = 0; k < a.weight; k++) {
      const ticket = new Uint8Array(await crypto.subtle.sign('HMAC', mac, utf8.encode(`${round}|${a.number}|${k}`)));
      if (smallest === null || compareUnsigned(ticket, smallest) < 0) {
        smallest = ticket;
      }
    }
    keyed.push({ number: a.number, key: smallest });
  }
  keyed.sort((x, y) => compareUnsigned(x.key, y.key)
    || (x.number < y.number ? -1 : x.number > y.number ? 1 : 0));
  return keyed.map(k => k.number);
}

function place(a, left, share, results) {
  for (const choice of a.choices) {
    const seats = left.get(choice);
    if (seats >= a.seats) {
      left.set(choice, seats - a.seats);
      results.set(a.number, { number: a.number, offering: choice, share });
      return;
    }
  }
}

// Draw.run: the reserved pass, the unused reserved seats join the general ones, the general pass
function seats(r, drawOrder) {
  const byNumber = new Map(r.applications.map(a => [a.number, a]));
  const left = new Map(r.offerings.map(o => [o.id, o.reserved]));
  const results = new Map();
  for (const number of drawOrder) {
    const a = byNumber.get(number);
    if (a.reserved === true) {
      place(a, left, 'reserved', results);
    }
  }
  for (const o of r.offerings) {
    left.set(o.id, left.get(o.id) + o.seats - o.reserved);
  }
  for (const number of drawOrder) {
    if (!results.has(number)) {
      place(byNumber.get(number), left, 'general', results);
    }
  }
  return r.applications.map(a => results.get(a.number) || { number: a.number, offering: null, share: null });
}

// "POOL-A (reserved)", "POOL-B (general)" or "lost": the words of DrawVerifier.describe
function describe(result) {
  const offering = result.offering ?? null;
  const share = result.share ?? null;
  const suffix = share === null ? (offering === null ? '' : ' (?)') : ` (${share})`;
  return (offering === null ? 'lost' : offering) + suffix;
}

function compareLists(field, expected, found) {
  for (let i = 0; i < Math.min(expected.length, found.length); i++) {
    if (expected[i] !== found[i]) {
      return mismatch(`${field}[${i}]`, expected[i], text(found[i]));
    }
  }
  if (expected.length !== found.length) {
    return mismatch(field, `${expected.length} entries`, `${found.length} entries`);
  }
  return null;
}

/**
 * Recomputes commitment, order and results from the published record (the JSON of GET /api/v1/rounds/{id}/draw)
 * and answers {ok: true}, or {ok: false, field, expected, found} for the first difference.
 */
export async function verifyDraw(record) {
  const r = record || {};
  if (r.rule !== RULE) {
    return mismatch('rule', RULE, text(r.rule));
  }
  if (r.ruleText !== RULE_TEXT) {
    return mismatch('ruleText', `the text of ${RULE}`, text(r.ruleText));
  }
  if (typeof r.seed !== 'string' || !/^[0-9a-f]{64}$/.test(r.seed)) {
    return mismatch('seed', '64 lowercase hex digits', text(r.seed));
  }
  const seed = fromHex(r.seed);
  const commitment = hex(new Uint8Array(await crypto.subtle.digest('SHA-256', seed)));
  if (commitment !== r.commitment) {
    return mismatch('commitment', commitment, text(r.commitment));
  }
  const invalid = checkInput(r);
  if (invalid) {
    return invalid;
  }
  const drawOrder = await order(r.round, seed, r.applications);
  const orderDiff = compareLists('order', drawOrder, r.order || []);
  if (orderDiff) {
    return orderDiff;
  }
  const expected = seats(r, drawOrder);
  const found = r.results || [];
  for (let i = 0; i < Math.min(expected.length, found.length); i++) {
    const e = expected[i];
    const f = found[i] || {};
    const at = `results[${i}]`;
    if (e.number !== f.number) {
      return mismatch(`${at}.number`, e.number, text(f.number));
    }
    if (e.offering !== (f.offering ?? null) || e.share !== (f.share ?? null)) {
      return mismatch(`${at} (${e.number})`, describe(e), describe(f));
    }
  }
  if (expected.length !== found.length) {
    return mismatch('results', `${expected.length} entries`, `${found.length} entries`);
  }
  return { ok: true };
}

// the draw page (DrawRecordView) calls it from executeJs, where the module's exports are out of reach
window.baeumVerifyDraw = verifyDraw;
