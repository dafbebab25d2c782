export const id = 680;
export const ids = [680];
export const modules = {

/***/ 3680:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gatherReports: () => (/* binding */ gatherReports)
});

// EXTERNAL MODULE: ./src/escape.ts
var src_escape = __webpack_require__(2988);
// EXTERNAL MODULE: ./src/guards.ts
var guards = __webpack_require__(9609);
// EXTERNAL MODULE: ./src/labels.ts
var labels = __webpack_require__(4584);
// EXTERNAL MODULE: ./src/verdict/build-report.ts + 2 modules
var build_report = __webpack_require__(9416);
;// CONCATENATED MODULE: ./src/verdict/legs.ts

function judgeMatrix(
/** A leg whose step was cancelled, or ended on the action's own error, did not pass. */
legs, missing, problems) {
    const passed = legs.length > 0 &&
        legs.every(l => l.passed && !l.cancelled && !l.fatal) &&
        missing.count === 0 &&
        problems.length === 0;
    // As for several runs: the worst status, and the result FAILED if any leg's is.
    const status = build_report/* STATUS_ORDER */.QD.find(s => legs.some(l => l.status === s)) ?? 'error';
    return { passed, status, result: (0,build_report/* aggregateResult */.bl)(legs) };
}

// EXTERNAL MODULE: ./node_modules/@actions/glob/lib/glob.js + 17 modules
var glob = __webpack_require__(4427);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/gather/find-reports.ts
// Which files the `reports` patterns match, with `@actions/glob` (the semantics of the toolkit's
// other actions: one pattern a line, `!` to exclude, `**` across folders), and the name a leg gets
// when its report does not say (the artifact's folder, else the file).


/**
 * Every regular file the patterns match, sorted (the glob's order is not guaranteed, and a
 * reader compares two runs' summaries line by line). Relative patterns are rooted at the
 * working directory, which is the workspace on a runner.
 */
async function findReports(patterns) {
    const globber = await (0,glob/* create */.v)(patterns, {
        matchDirectories: false,
        // A folder named by a pattern means every file under it, as `path:` does for the artifact actions.
        implicitDescendants: true
    });
    const roots = new Set(globber.getSearchPaths());
    const paths = (await globber.glob()).sort();
    return paths.map(path => ({ path, fallbackLeg: fallbackLegOf(path, roots) }));
}
/**
 * download-artifact with a `pattern` puts each artifact in a folder named after it: that folder's
 * name is the leg. A file straight in a searched folder (one artifact downloaded by name, or
 * `merge-multiple`) has no such folder: its own name, without `.json`, is the leg.
 */
function fallbackLegOf(path, roots) {
    const folder = (0,external_node_path_.dirname)(path);
    if (roots.has(folder) || (0,external_node_path_.dirname)(folder) === folder) {
        const name = (0,external_node_path_.basename)(path);
        return (0,external_node_path_.extname)(name).toLowerCase() === '.json' ? name.slice(0, -'.json'.length) : name;
    }
    return (0,external_node_path_.basename)(folder);
}

// EXTERNAL MODULE: ./src/api/run-response.ts
var run_response = __webpack_require__(7825);
// EXTERNAL MODULE: ./src/model.ts
var model = __webpack_require__(182);
;// CONCATENATED MODULE: ./src/gather/leg-runs.ts
// A leg's runs as the summary, the comment and the test reports show them, from its report file:
// the verdict, reasons and notes exactly as the leg decided them (never judged again), the
// findings read from each run's body as the API sent it. Pure.



/** The body as a run, or null: a body the leg kept is shown as well as it can be, never trusted. */
function runOf(body) {
    if (!body)
        return null;
    try {
        return (0,run_response/* parseRun */.zZ)(body);
    }
    catch {
        return null;
    }
}
/**
 * One run of a leg. `body` is left out (null): the combined report file reads the bodies again
 * from the legs' files, so they are not all held at once.
 */
function legRun(entry, leg) {
    const report = describe(entry, runOf(entry.run));
    report.leg = leg;
    if (entry.flaky !== undefined)
        report.flaky = entry.flaky;
    if (entry.origin)
        report.origin = entry.origin;
    if (entry.githubReporting)
        report.githubReporting = entry.githubReporting;
    if (entry.attempts) {
        report.attempts = entry.attempts.map(attempt => ({
            // The attempt the verdict rests on keeps its body in the run's own `run`.
            ...describe(attempt, attempt.id === entry.id && !attempt.run ? report.run : runOf(attempt.run)),
            counts: attempt.counts
        }));
    }
    return report;
}
function describe(entry, run) {
    const output = run?.output ?? null;
    const test = output?.kind === 'test' ? output : null;
    const { kept: all, waived } = setApartWaived(test?.issues ?? [], entry.waived);
    const steps = test?.steps ?? [];
    return {
        id: entry.id.toLowerCase(),
        status: entry.status,
        result: entry.result,
        passed: entry.passed,
        reasons: entry.reasons,
        notes: entry.notes,
        issues: all.filter(i => !(0,model/* isWarning */.V)(i)).sort(build_report/* bySeverity */.Np),
        warnings: all.filter(model/* isWarning */.V).sort(build_report/* bySeverity */.Np),
        waived,
        maxSeverity: entry.maxSeverity,
        stepsCount: steps.length,
        failedStepsCount: steps.filter(s => s.status === 'failed').length,
        durationMs: entry.durationMs,
        featureName: test?.featureName ?? '',
        description: test?.description ||
            (output?.kind === 'planner_skipped' ? output.reason : '') ||
            run?.error?.message ||
            '',
        run,
        body: null,
        lastStatus: entry.lastStatus,
        error: entry.error
    };
}
/**
 * The findings of a run's body with those the leg waived set apart, each with its entry, as the
 * leg's summary showed them: a waived finding is matched to the first finding of the body with
 * the same name, type, severity and page, and kept as the report gives it when none is left.
 */
function setApartWaived(findings, waivedEntries) {
    const listed = Array.isArray(waivedEntries) ? waivedEntries : [];
    if (listed.length === 0)
        return { kept: findings, waived: [] };
    const kept = [...findings];
    const waived = listed.map(w => {
        const at = kept.findIndex(i => i.name === w.name && i.type === w.type && i.severity === w.severity && i.url === w.url);
        const issue = at === -1 ? findingOf(w) : kept.splice(at, 1)[0];
        return { issue, entry: w.entry };
    });
    return { kept, waived: waived.sort((a, b) => (0,build_report/* bySeverity */.Np)(a.issue, b.issue)) };
}
/** A waived finding the body no longer holds, as its report entry names it. */
function findingOf(w) {
    return {
        type: w.type,
        name: w.name,
        description: '',
        url: w.url,
        severity: w.severity,
        reproductionSteps: [],
        expectedBehavior: '',
        actualBehavior: '',
        screenshotUrl: '',
        tMs: null
    };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(7242);
// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var ajv = __webpack_require__(2463);
;// CONCATENATED MODULE: ./schemas/report.schema.json
const report_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://github.com/testerarmy/testerarmy-action/blob/v1/schemas/report.schema.json","title":"TesterArmy action report file","description":"The JSON report the TesterArmy test-run action writes (output report-path): the verdict, each run with the last body TesterArmy\'s API sent for it, what the report was written for (the matrix leg, the commit, the pull request, the workflow run) and, in reports mode, the legs it combines. Versioned by schemaVersion (MAJOR.MINOR.PATCH): a new optional field is a minor version, anything else a new major. Readers must accept fields they do not know. See docs/report-file.md.","type":"object","required":["schemaVersion","leg","commit","pullRequest","workflowRun","passed","status","result","fatal","cancelled","flakyCount","runs"],"properties":{"schemaVersion":{"description":"The version of this format. Reports mode reads reports of its own major only.","type":"string","pattern":"^1\\\\.(0|[1-9][0-9]*)\\\\.(0|[1-9][0-9]*)$"},"leg":{"description":"The leg input: this leg\'s name in a combined report; empty when not given (reports mode then names the leg after the artifact\'s folder, else the file).","type":"string","maxLength":400},"commit":{"description":"The commit tested (a pull request\'s head, a merge queue\'s commit, GITHUB_SHA otherwise); empty when the event names none.","type":"string","maxLength":200},"pullRequest":{"description":"The pull request tested, or null.","oneOf":[{"type":"integer","minimum":1},{"type":"null"}]},"workflowRun":{"description":"The workflow run that wrote the report.","type":"object","required":["id","attempt"],"properties":{"id":{"description":"GITHUB_RUN_ID; empty outside a runner.","type":"string","pattern":"^[0-9]*$","maxLength":30},"attempt":{"description":"GITHUB_RUN_ATTEMPT: 1, then one more per re-run.","type":"integer","minimum":1}}},"passed":{"description":"The verdict, after fail-on, min-severity, on-flaky (and, in reports mode, every expected leg).","type":"boolean"},"status":{"$ref":"#/definitions/status"},"result":{"$ref":"#/definitions/result"},"fatal":{"description":"The action\'s own error (a rejected key, a failed start), or null.","type":["string","null"]},"cancelled":{"description":"The runner cancelled the step while it waited.","type":"boolean"},"flakyCount":{"description":"Runs that failed, then passed on a retry.","type":"integer","minimum":0},"knownIssues":{"description":"The known-issues file as the step read it (known-issues), absent without one.","type":"object","required":["file","from","base","entries"],"properties":{"file":{"type":"string"},"from":{"description":"known-issues-from.","type":"string","enum":["workspace","base"]},"base":{"description":"What reading the reviewed copy gave (the pull request\'s base commit, or the default branch): read, new-file (not there), unverified (could not be read), or no-pull-request (the checkout is the default branch itself).","type":"string","enum":["read","new-file","unverified","no-pull-request"]},"baseProblem":{"description":"Why the base\'s copy could not be read (base: unverified).","type":"string"},"against":{"description":"What the entries were compared with: the pull request\'s base commit, or (a run with no pull request that did not check out the default branch) the default branch.","type":"string","enum":["pull-request","default-branch"]},"entries":{"type":"array","items":{"type":"object","allOf":[{"$ref":"#/definitions/knownIssueEntry"}],"required":["inForce"],"properties":{"inForce":{"type":"boolean"},"notInForce":{"description":"Why it waived nothing: expired, or not in the base\'s copy (known-issues-from: base).","type":"string","enum":["expired","not-in-base"]}}}}}},"gathered":{"$ref":"#/definitions/gathered"},"runs":{"description":"Every run, in the order given or started; in reports mode, every leg\'s runs.","type":"array","items":{"$ref":"#/definitions/run"}}},"definitions":{"status":{"description":"How the wait ended: the run\'s own terminal status, timed_out (the action stopped waiting), not_found, or error (the run could not be checked). For several runs, the worst.","type":"string","enum":["completed","failed","cancelled","timed_out","not_found","error"]},"result":{"description":"PASS, FAILED, SKIPPED (nothing user-visible to test), or empty when the run did not complete.","type":"string","enum":["PASS","FAILED","SKIPPED",""]},"runId":{"description":"A TesterArmy run ID.","type":"string","pattern":"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"},"count":{"type":"integer","minimum":0},"texts":{"type":"array","items":{"type":"string"}},"verdict":{"description":"One run\'s (or attempt\'s) numbers and verdict.","type":"object","required":["id","status","result","passed","issuesCount","warningsCount","maxSeverity","durationMs","reasons","notes","lastStatus","error","run"],"properties":{"id":{"$ref":"#/definitions/runId"},"status":{"$ref":"#/definitions/status"},"result":{"$ref":"#/definitions/result"},"passed":{"description":"The run\'s own verdict.","type":"boolean"},"issuesCount":{"$ref":"#/definitions/count"},"warningsCount":{"$ref":"#/definitions/count"},"maxSeverity":{"description":"Highest severity among its issues, 0 when none.","type":"integer","minimum":0,"maximum":5},"durationMs":{"type":["number","null"]},"reasons":{"description":"Why its verdict failed, one clause each; empty when it passed.","$ref":"#/definitions/texts"},"notes":{"description":"What a reader should know although it did not fail the verdict.","$ref":"#/definitions/texts"},"lastStatus":{"description":"The last status the API reported, or null when none was received.","type":["string","null"]},"error":{"description":"The last fault seen while waiting, when the wait ended without a terminal status.","type":["string","null"]},"run":{"description":"The last response body of GET /v1/runs/{id}, as the API sent it (see api/), or null.","type":["object","null"]},"waivedCount":{"description":"Findings known-issues waived (the issue and warning counts include them).","$ref":"#/definitions/count"},"waived":{"description":"The waived findings with their entries: all of them in the report file (the runs output lists the first 100).","type":"array","items":{"$ref":"#/definitions/waiver"}}}},"run":{"type":"object","allOf":[{"$ref":"#/definitions/verdict"}],"properties":{"leg":{"description":"In a combined report (reports mode): the leg whose report held this run.","type":"string"},"flaky":{"description":"Started again by retry-failed: it failed, then passed.","type":"boolean"},"attempts":{"description":"Every attempt when retry-failed started the run again, first to last; the verdict rests on the one whose id is the run\'s.","type":"array","items":{"$ref":"#/definitions/attempt"}},"origin":{"description":"What started it, when the action did.","type":"string"},"githubReporting":{"description":"TesterArmy\'s own GitHub reporting for the start that made it, in a few words.","type":"string"}}},"attempt":{"type":"object","allOf":[{"$ref":"#/definitions/verdict"}],"required":["counts"],"properties":{"counts":{"description":"False for a passing group member started again with its group: shown, changing nothing.","type":"boolean"}}},"gathered":{"description":"Reports mode only: the leg reports this report combines.","type":"object","required":["patterns","expected","legs","missing","problems","found","skipped"],"properties":{"patterns":{"description":"The reports input.","type":"string"},"expected":{"description":"expected-reports: a count of legs, or their names.","oneOf":[{"type":"object","required":["count"],"properties":{"count":{"type":"integer","minimum":1}}},{"type":"object","required":["names"],"properties":{"names":{"$ref":"#/definitions/texts"}}}]},"legs":{"description":"Each leg\'s kept report (its latest workflow-run attempt) and its own verdict.","type":"array","items":{"type":"object","required":["name","file","attempt","passed","status","result","fatal","cancelled","runsCount","issuesCount","warningsCount","flakyCount","waivedCount"],"properties":{"name":{"type":"string"},"file":{"type":"string"},"attempt":{"type":"integer","minimum":1},"passed":{"type":"boolean"},"status":{"$ref":"#/definitions/status"},"result":{"$ref":"#/definitions/result"},"fatal":{"type":["string","null"]},"cancelled":{"type":"boolean"},"runsCount":{"$ref":"#/definitions/count"},"issuesCount":{"$ref":"#/definitions/count"},"warningsCount":{"$ref":"#/definitions/count"},"flakyCount":{"$ref":"#/definitions/count"},"waivedCount":{"$ref":"#/definitions/count"}}}},"missing":{"description":"Expected legs that did not report: how many, and by name when expected-reports names them.","type":"object","required":["count","names"],"properties":{"count":{"$ref":"#/definitions/count"},"names":{"$ref":"#/definitions/texts"}}},"problems":{"description":"Files that could not be used, each with its first problem.","type":"array","items":{"type":"object","required":["file","problem"],"properties":{"file":{"type":"string"},"problem":{"type":"string"}}}},"found":{"description":"Files the patterns matched, of every kind.","$ref":"#/definitions/count"},"skipped":{"description":"The action\'s own JUnit and CTRF files the patterns matched, left out.","$ref":"#/definitions/texts"}}},"knownIssueEntry":{"description":"An entry of the known-issues file (docs/known-issues.md), as the leg read it.","type":"object","required":["line","reason","origin"],"properties":{"line":{"description":"Its line in the file.","type":"integer","minimum":1},"name":{"type":"string"},"page":{"type":"string"},"test":{"type":"string"},"maxSeverity":{"type":"integer","minimum":1,"maximum":5},"until":{"type":"string"},"ticket":{"type":"string"},"reason":{"type":"string"},"origin":{"description":"Where it comes from: the base commit\'s copy, added by the pull request, unverified (the base\'s copy could not be read), or no pull request to compare with.","type":"string","enum":["base","added","unverified","no-pull-request"]}}},"waiver":{"description":"A finding a known-issues entry waived, with that entry.","type":"object","required":["name","type","severity","url","entry"],"properties":{"name":{"type":"string"},"type":{"description":"issue or warning (or a type the API added).","type":"string"},"severity":{"type":["integer","null"],"minimum":1,"maximum":5},"url":{"type":"string"},"entry":{"$ref":"#/definitions/knownIssueEntry"}}}}}');
;// CONCATENATED MODULE: ./src/gather/report-schema.ts
// The report file's schema as the one check of a leg's report: schemas/report.schema.json, the file
// the repository publishes, compiled by Ajv, so what reports mode accepts is exactly what the
// schema says (a hand-written check beside it would drift).


let compiled;
/**
 * The first way `value` does not match the schema, in words with where it is (`/runs/0/passed
 * must be boolean`), or null when it matches. Compiled once, on first use (a few milliseconds).
 */
function schemaProblem(value) {
    compiled ??= new ajv.Ajv({ strict: true, allowUnionTypes: true }).compile(report_schema_namespaceObject);
    if (compiled(value))
        return null;
    const first = compiled.errors?.[0];
    if (!first)
        return 'does not match the report schema';
    const where = first.instancePath ? `at ${first.instancePath}` : 'at the top level';
    return `does not match the report schema: ${where}, ${first.message ?? 'invalid'}`;
}

;// CONCATENATED MODULE: ./src/gather/read-report.ts
// Reading one file the `reports` patterns matched: the action's own JUnit or CTRF file (skipped), a
// leg's report (checked against the schema), or anything else (refused, with its first problem).
// A file is read whole at most once at a time, and never past the size limit.





/** Enough of a file's start to tell the action's own JUnit and CTRF files from a report. */
const SNIFF_BYTES = 512;
/** The major version this action reads. */
const MAJOR = constants/* REPORT_SCHEMA_VERSION */.WI.split('.')[0];
function readReport(path) {
    let size;
    try {
        const stat = (0,external_node_fs_.statSync)(path);
        if (!stat.isFile())
            return { kind: 'refused', problem: 'is not a regular file' };
        size = stat.size;
    }
    catch (error) {
        return { kind: 'refused', problem: `could not be read (${codeOf(error)})` };
    }
    // The action's own JUnit and CTRF files first, whatever their size: a leg with many findings
    // writes a large JUnit file beside its report, and skipping it must not fail the matrix.
    try {
        const own = ownFormat(path);
        if (own)
            return { kind: 'skipped', what: own };
    }
    catch (error) {
        return { kind: 'refused', problem: `could not be read (${codeOf(error)})` };
    }
    if (size > constants/* Limits */.xu.maxReportFileBytes) {
        const mib = (n) => `${Math.ceil(n / 1024 / 1024)} MiB`;
        return {
            kind: 'refused',
            problem: `is ${mib(size)}, over the ${mib(constants/* Limits */.xu.maxReportFileBytes)} a report may have: not a report of a matrix leg`
        };
    }
    let bytes;
    try {
        bytes = (0,external_node_fs_.readFileSync)(path);
    }
    catch (error) {
        return { kind: 'refused', problem: `could not be read (${codeOf(error)})` };
    }
    const sha256 = (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex');
    const parsed = parseJson(bytes);
    if (parsed === undefined)
        return { kind: 'refused', problem: 'is not JSON' };
    return checked(parsed, sha256);
}
/** The file's JSON, or undefined when it is not JSON (the parser's message may quote the file). */
function parseJson(bytes) {
    try {
        return JSON.parse(bytes.toString('utf8'));
    }
    catch {
        return undefined;
    }
}
/** A report of this action's major version that matches the schema, or the first problem. */
function checked(value, sha256) {
    if (!(0,guards/* isPlainObject */.Qd)(value))
        return { kind: 'refused', problem: 'is JSON, but not an object' };
    const version = value.schemaVersion;
    if (version === undefined) {
        return {
            kind: 'refused',
            problem: 'has no schemaVersion: not a report of this action, or one written by an older version of it (run the same version of the action in the legs and the gathering job)'
        };
    }
    if (typeof version === 'string' && version.split('.')[0] !== MAJOR) {
        return {
            kind: 'refused',
            problem: `has schemaVersion ${JSON.stringify(version.slice(0, 40))}, and this version of the action reads ${MAJOR}.x: run the same version of the action in the legs and the gathering job`
        };
    }
    if (value.gathered !== undefined) {
        return {
            kind: 'refused',
            problem: "is a combined report (written in reports mode), not a leg's report"
        };
    }
    const problem = schemaProblem(value);
    if (problem)
        return { kind: 'refused', problem };
    return { kind: 'report', head: headOf(value), sha256 };
}
/** The head of a report that matched the schema (so every field has its type). */
function headOf(report) {
    const run = report.workflowRun;
    return {
        leg: report.leg.trim(),
        commit: report.commit,
        runId: run.id,
        attempt: run.attempt,
        passed: report.passed,
        status: report.status,
        result: report.result,
        fatal: report.fatal,
        cancelled: report.cancelled,
        flakyCount: report.flakyCount
    };
}
/**
 * `JUnit XML` or `CTRF` when the file is one the action writes beside its report (told by its
 * start, whatever its name), else null. A leg's artifact may hold all three.
 */
function ownFormat(path) {
    const start = Buffer.alloc(SNIFF_BYTES);
    const file = (0,external_node_fs_.openSync)(path, 'r');
    let read;
    try {
        read = (0,external_node_fs_.readSync)(file, start, 0, SNIFF_BYTES, 0);
    }
    finally {
        (0,external_node_fs_.closeSync)(file);
    }
    const text = start.subarray(0, read).toString('utf8');
    if (/^<\?xml[^>]*\?>\s*<testsuites name="TesterArmy"/.test(text))
        return 'JUnit XML';
    if (/^\{\s*"reportFormat": "CTRF"/.test(text) &&
        /"generatedBy": "testerarmy-action\//.test(text)) {
        return 'CTRF';
    }
    return null;
}
const codeOf = (error) => error.code ?? String(error.message ?? error).slice(0, 100);
/** Reads a kept report again, as it was when checked (its digest), for its runs. */
function readAgain(path, sha256) {
    const bytes = (0,external_node_fs_.readFileSync)(path);
    if ((0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex') !== sha256) {
        throw new Error(`${path} changed while the reports were gathered`);
    }
    return JSON.parse(bytes.toString('utf8')).runs;
}

;// CONCATENATED MODULE: ./src/gather/select-legs.ts
/**
 * `own`: this workflow run's ID and the commit it tests ('' when unknown outside a runner or for
 * an event that names no commit: then the reports must agree with each other, and the most common
 * value is the run's).
 */
function selectLegs(files, own, expected) {
    const problems = [];
    const skipped = [];
    const reports = [];
    for (const f of files) {
        if (f.read.kind === 'skipped')
            skipped.push(f.file);
        else if (f.read.kind === 'refused')
            problems.push({ file: f.file, problem: f.read.problem });
        else {
            const { head, sha256 } = f.read;
            reports.push({ name: head.leg || f.fallbackLeg, path: f.path, file: f.file, head, sha256 });
        }
    }
    const runId = own.runId || mostCommon(reports.map(r => r.head.runId));
    const ofThisRun = reports.filter(r => {
        if (r.head.runId === runId)
            return true;
        problems.push({
            file: r.file,
            problem: `is a report of workflow run ${r.head.runId || '(none)'}, not of this one (${runId}): an artifact of another run must not gate this one`
        });
        return false;
    });
    const commit = own.commit || mostCommon(ofThisRun.map(r => r.head.commit));
    const current = ofThisRun.filter(r => {
        if (r.head.commit === commit)
            return true;
        problems.push({
            file: r.file,
            problem: `tested commit ${select_legs_short(r.head.commit)}, not ${select_legs_short(commit)}, which this workflow run tests: a stale report must not gate a new commit`
        });
        return false;
    });
    const byLeg = new Map();
    const superseded = [];
    for (const report of current) {
        const kept = byLeg.get(report.name);
        if (!kept) {
            byLeg.set(report.name, report);
        }
        else if (report.head.attempt === kept.head.attempt) {
            problems.push({
                file: report.file,
                problem: `is a second report of leg "${report.name}" for attempt ${report.head.attempt}, beside ${kept.file}: give each leg its own name with the leg input`
            });
        }
        else {
            const [newer, older] = report.head.attempt > kept.head.attempt ? [report, kept] : [kept, report];
            byLeg.set(report.name, newer);
            superseded.push({ name: older.name, file: older.file, attempt: older.head.attempt });
        }
    }
    const names = 'names' in expected ? expected.names : [];
    const rank = (name) => {
        const at = names.indexOf(name);
        return at === -1 ? names.length : at;
    };
    const kept = [...byLeg.values()].sort((a, b) => rank(a.name) - rank(b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const missingNames = names.filter(name => !byLeg.has(name));
    const missing = 'count' in expected
        ? { count: Math.max(0, expected.count - kept.length), names: [] }
        : { count: missingNames.length, names: missingNames };
    return { kept, problems, skipped, missing, superseded };
}
/** The value most reports give (the first of equals, in file order); '' for none. */
function mostCommon(values) {
    const counts = new Map();
    for (const v of values)
        counts.set(v, (counts.get(v) ?? 0) + 1);
    let best = '';
    let most = 0;
    for (const [value, count] of counts) {
        if (count > most)
            [best, most] = [value, count];
    }
    return best;
}
/** A commit as people quote it. */
const select_legs_short = (sha) => (sha ? sha.slice(0, 12) : '(none)');

;// CONCATENATED MODULE: ./src/gather/gather.ts
// Reports mode, as the story of a run sees it: find the legs' report files, read and check each,
// keep one per leg, and build the one report every view is published from. Reads files only: no
// request to TesterArmy. Loaded only in reports mode (a chunk of its own, with @actions/glob and
// Ajv).








async function gatherReports({ request, own, cwd, log }) {
    const found = await findReports(request.patterns);
    // One file at a time: each is read, checked and let go before the next (only its verdict and
    // digest stay), so memory holds one whole report at most.
    const files = found.map(({ path, fallbackLeg }) => ({
        path,
        file: shown(path, cwd),
        fallbackLeg,
        read: readReport(path)
    }));
    const selection = selectLegs(files, own, request.expected);
    const runs = [];
    const legs = [];
    for (const kept of selection.kept) {
        const entries = readAgain(kept.path, kept.sha256);
        const legRuns = entries.map(entry => legRun(entry, kept.name));
        runs.push(...legRuns);
        legs.push(legOf(kept, legRuns));
    }
    // Names and paths are the legs' text: one line each in the log, never a workflow command.
    for (const { file, fallbackLeg, read } of files) {
        if (read.kind === 'skipped')
            log(`${(0,src_escape/* logText */.kc)(file)}: skipped (the action's own ${read.what} file).`);
        if (read.kind === 'report')
            log(`${(0,src_escape/* logText */.kc)(file)}: leg ${(0,src_escape/* logText */.kc)(read.head.leg || fallbackLeg, 100)}, attempt ${read.head.attempt}.`);
    }
    for (const s of selection.superseded)
        log(`${(0,src_escape/* logText */.kc)(s.file)}: attempt ${s.attempt} of leg ${(0,src_escape/* logText */.kc)(s.name, 100)}, replaced by a later attempt.`);
    for (const p of selection.problems)
        log(`${(0,src_escape/* logText */.kc)(p.file)}: not used: ${(0,src_escape/* logText */.kc)(p.problem)}`);
    if (files.length === 0)
        log(`No file matched the reports patterns: ${(0,src_escape/* logText */.kc)(request.patterns)}`);
    const verdict = judgeMatrix(legs, selection.missing, selection.problems);
    const gathered = {
        patterns: request.patterns,
        expected: request.expected,
        legs,
        missing: selection.missing,
        problems: selection.problems,
        found: files.length,
        skipped: selection.skipped,
        commit: selection.kept[0]?.head.commit || own.commit,
        // Each kept report read again, one at a time, its runs named with their leg.
        entries: function* () {
            for (const kept of selection.kept) {
                // Named with its leg (in place of any `leg` the entry had).
                for (const entry of readAgain(kept.path, kept.sha256))
                    yield { ...entry, leg: kept.name };
            }
        }
    };
    return {
        ...verdict,
        runs,
        fatal: null,
        cancelled: false,
        flakyCount: runs.filter(r => r.flaky).length,
        gathered
    };
}
function legOf(kept, runs) {
    const { head } = kept;
    // As the leg's outputs count them: every finding TesterArmy reported, waived ones included.
    const totals = (0,labels/* runTotals */.zj)(runs);
    return {
        name: kept.name,
        file: kept.file,
        attempt: head.attempt,
        passed: head.passed,
        status: head.status,
        result: head.result,
        fatal: head.fatal,
        cancelled: head.cancelled,
        runs: runs.length,
        issues: totals.issues,
        warnings: totals.warnings,
        flaky: head.flakyCount,
        waived: totals.waived
    };
}
/** A path as a user finds it in the workspace; outside it, whole. */
function shown(path, cwd) {
    return (0,guards/* pathInside */._l)(cwd, path) ?? path;
}


/***/ })

};
