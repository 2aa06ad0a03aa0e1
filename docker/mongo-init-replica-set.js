// Idempotent bootstrap of the replica set rs0 (run by the one-shot `mongo-init` service with mongosh).
//  - If no member belongs to a replica set yet: rs.initiate() with the three members.
//  - If any member already has a configuration (a re-run, or one member's volume was wiped): do not
//    initiate again (that would create a second, conflicting set); the existing set re-adopts the member.
//  - Then wait until the set has a PRIMARY. Exit code 0 = ready, 1 = not ready in time.
const SET = "rs0";
const HOSTS = ["mongo1:27017", "mongo2:27017", "mongo3:27017"];
const WAIT_SECONDS = 180;

function hello(host) {
  try {
    const conn = new Mongo(`mongodb://${host}/?directConnection=true&serverSelectionTimeoutMS=5000`);
    try {
      return conn.getDB("admin").runCommand({ hello: 1 });
    } finally {
      try { conn.close(); } catch (ignored) { /* best effort */ }
    }
  } catch (e) {
    print(`  ${host}: not reachable (${e.message})`);
    return null;
  }
}

const configured = HOSTS.filter((h) => {
  const res = hello(h);
  return res && res.setName !== undefined;
});

if (configured.length === 0) {
  print(`No member is configured yet: initiating ${SET} with ${HOSTS.join(", ")}`);
  try {
    rs.initiate({
      _id: SET,
      members: HOSTS.map((host, i) => ({ _id: i, host: host, priority: i === 0 ? 2 : 1 })),
    });
  } catch (e) {
    // Someone else (a parallel run) got there first: fine.
    if (e.codeName !== "AlreadyInitialized") {
      throw e;
    }
    print("Already initiated meanwhile.");
  }
} else {
  print(`Replica set already configured on ${configured.join(", ")}: not initiating.`);
}

const deadline = Date.now() + WAIT_SECONDS * 1000;
for (;;) {
  let primary = null;
  for (const h of HOSTS) {
    const res = hello(h);
    if (res && res.setName === SET && res.primary) {
      primary = res.primary;
      break;
    }
  }
  if (primary) {
    print(`Replica set ${SET} is ready, primary: ${primary}`);
    quit(0);
  }
  if (Date.now() > deadline) {
    print(`Replica set ${SET} has no primary after ${WAIT_SECONDS}s`);
    quit(1);
  }
  sleep(2000);
}
