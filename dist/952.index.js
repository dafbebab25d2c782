export const id = 952;
export const ids = [952];
export const modules = {

/***/ 952:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  planRetries: () => (/* binding */ planRetries),
  retryFailed: () => (/* binding */ retryFailed),
  runConfig: () => (/* binding */ runConfig)
});

// EXTERNAL MODULE: ./src/wait/poller.ts + 1 modules
var poller = __webpack_require__(5940);
;// CONCATENATED MODULE: ./src/start/retry-match.ts
const norm = (value) => value?.trim().toLowerCase() || null;
function identityOf(run) {
    return {
        test: norm(run.testId),
        project: norm(run.projectId),
        platform: norm(run.platform),
        device: norm(run.deviceModel)
    };
}
/** How a value reads in a reason: a device left out is the platform's default one. */
const shown = (field, value) => value ?? (field === 'device' ? "the platform's default device" : 'none');
const FIELD_WORDS = {
    test: 'test',
    project: 'project',
    platform: 'platform',
    device: 'device'
};
/**
 * How the run `retry` differs from `first` ("platform ios, not web"): another test, project,
 * platform or device; null when it is a repeat. A retry that has not said what it is (never read)
 * is not judged here: it gives no verdict anyway.
 */
function notTheSame(first, retry) {
    if (!first || !retry)
        return null;
    const [a, b] = [identityOf(first), identityOf(retry)];
    const differ = Object.keys(FIELD_WORDS).filter(f => a[f] !== b[f]);
    if (differ.length === 0)
        return null;
    return differ.map(f => `${FIELD_WORDS[f]} ${shown(f, b[f])}, not ${shown(f, a[f])}`).join('; ');
}
/** The key a group's runs are told apart by: the test, on a platform and device. */
const keyOf = (run) => {
    const { test, platform, device } = identityOf(run);
    return JSON.stringify([test, platform, device]);
};
/**
 * A group started again whole: each new run goes to the member (a first run of the group) that is
 * the same test on the same platform and device. A key that two members share, or two new runs,
 * cannot say which repeats which: those runs go to no member, and the member is told why.
 * `members` are the group's first runs by ID (null: never read).
 */
function matchGroupRuns(members, started) {
    const count = (keys) => {
        const counts = new Map();
        for (const key of keys)
            counts.set(key, (counts.get(key) ?? 0) + 1);
        return counts;
    };
    const memberKeys = [...members].flatMap(([id, run]) => (run ? [[id, keyOf(run)]] : []));
    const newKeys = started.flatMap(o => (o.run ? [[o, keyOf(o.run)]] : []));
    const membersPerKey = count(memberKeys.map(([, key]) => key));
    const newPerKey = count(newKeys.map(([, key]) => key));
    const matched = new Map();
    const ambiguous = new Map();
    for (const [id, key] of memberKeys) {
        const same = newKeys.filter(([, k]) => k === key).map(([o]) => o);
        if (same.length === 0)
            continue;
        const [test, platform, device] = JSON.parse(key);
        const what = `test ${test ?? '(none)'} on ${platform ?? 'no platform'}${device ? ` (${device})` : ''}`;
        if ((membersPerKey.get(key) ?? 0) > 1) {
            ambiguous.set(id, `the group has more than one run of ${what}, so its new runs cannot be told apart`);
        }
        else if ((newPerKey.get(key) ?? 0) > 1) {
            ambiguous.set(id, `the group started again gave more than one run of ${what}, so which repeats this one cannot be told`);
        }
        else
            matched.set(id, same[0]);
    }
    return { matched, ambiguous };
}

// EXTERNAL MODULE: ./src/start/start-runs.ts
var start_runs = __webpack_require__(6595);
;// CONCATENATED MODULE: ./src/start/retry-failed.ts



/** What `POST /v1/tests/{id}/runs` takes of a group's body: the rest is context or a reason to
 * start the whole group again. */
const TEST_CARRIES = ['platform', 'deviceModel', 'projectEnvironmentId'];
/** In a group's body, what changes what is tested and a test's start cannot carry. */
const GROUP_ONLY = ['targetUrl', 'environment', 'mobile'];
async function retryFailed(options) {
    const { sent, log, signal, clock } = options;
    const retried = {
        attempts: new Map(),
        notes: new Map(),
        batches: [],
        started: [],
        fatal: null
    };
    const firsts = new Map(options.outcomes.map(o => [o.id, o]));
    const latest = new Map(firsts);
    const testIdOf = (id) => firsts.get(id)?.run?.testId ?? null;
    const configOf = (id) => runConfig(firsts.get(id)?.run);
    const stopped = new Set();
    const stop = (id, why) => {
        stopped.add(id);
        retried.notes.set(id, why);
        log.notRetried(id, why);
    };
    /** A retry that is not a repeat of its run: said in the log; the attempt itself says why. */
    const notARepeat = (id, retry, how) => {
        stopped.add(id);
        log.notRetried(id, `its retry, run ${retry.id}, reports ${how}, so it does not count`);
    };
    for (let round = 1; round <= options.retries; round++) {
        if (signal.aborted || clock.now() >= options.deadline)
            break;
        const failing = [...latest]
            .filter(([id, o]) => !stopped.has(id) && options.failed(o))
            .map(([id]) => id);
        const plans = planRetries(failing, sent, testIdOf, stop, configOf);
        if (plans.length === 0)
            break;
        log.round(plans.reduce((n, p) => n + (p.kind === 'group' ? p.firstIds.length : 1), 0), round + 1, options.retries + 1);
        // Start every retry of the round, then wait for all of them at once.
        const waiting = [];
        for (const plan of plans) {
            const answer = await startAgain(plan, options);
            const ids = plan.kind === 'group' ? plan.firstIds : [plan.firstId];
            if (answer.kind === 'aborted') {
                // As for the first start: the run it may have started is not known, so the user is told.
                if (answer.mayHaveStarted) {
                    for (const id of ids)
                        stop(id, 'the workflow was cancelled while its retry was being started, with no answer in time: a run may have started; check the TesterArmy dashboard');
                }
                break;
            }
            if (answer.kind === 'failed') {
                for (const id of ids)
                    stop(id, `the retry could not be started: ${answer.message}`);
                continue;
            }
            const runIds = answer.runIds.filter(r => !answer.cancelledRunIds.includes(r));
            if (plan.kind === 'group' && answer.batchId) {
                retried.batches.push({ batchId: answer.batchId, runIds: answer.runIds });
            }
            for (const id of ids) {
                log.restarted(id, plan.kind === 'group' ? runIds : runIds.slice(0, 1), describe(plan));
            }
            waiting.push({ plan, runIds });
        }
        if (waiting.length === 0) {
            log.roundEnd();
            continue;
        }
        const polled = await (0,poller/* pollRuns */.q)({
            runIds: waiting.flatMap(w => w.runIds),
            api: options.api,
            clock,
            pollIntervalMs: options.pollIntervalMs,
            deadline: options.deadline,
            signal,
            log,
            ...(options.random ? { random: options.random } : {})
        });
        log.roundEnd();
        retried.started.push(...polled.outcomes);
        const byId = new Map(polled.outcomes.map(o => [o.id, o]));
        for (const { plan, runIds } of waiting) {
            const outcomes = runIds.map(r => byId.get(r)).filter((o) => !!o);
            if (plan.kind !== 'group') {
                const [outcome] = outcomes;
                if (!outcome)
                    continue;
                // Only the same test on the same platform and device can turn a failure into a pass.
                const other = notTheSame(firsts.get(plan.firstId)?.run ?? null, outcome.run);
                record(retried, latest, plan.firstId, outcome, other === null, other);
                if (other)
                    notARepeat(plan.firstId, outcome, other);
                continue;
            }
            // A group started again: each new run belongs to the member that is its test on its platform
            // and device (a passing member's new run is shown, and changes nothing).
            const members = new Map((sent.start?.runIds ?? plan.firstIds).map(id => [id, firsts.get(id)?.run ?? null]));
            const { matched, ambiguous } = matchGroupRuns(members, outcomes);
            for (const [member, outcome] of matched) {
                const retriedHere = plan.firstIds.includes(member);
                const other = notTheSame(firsts.get(member)?.run ?? null, outcome.run);
                record(retried, latest, member, outcome, retriedHere && other === null, other);
                if (retriedHere && other)
                    notARepeat(member, outcome, other);
            }
            for (const id of plan.firstIds) {
                const why = ambiguous.get(id);
                if (why)
                    stop(id, `${why}; the first verdict stands`);
                else if (!matched.has(id))
                    stop(id, 'the group started again, but no new run of its test on its platform and device could be found');
            }
        }
        // A retry the wait gave up on (the timeout, the runner's cancel) is its run's latest attempt
        // and not a verdict: the run is not started again, keeps its first verdict, and the unfinished
        // retry is cancelled with the rest.
        if (polled.fatal) {
            retried.fatal = polled.fatal;
            break;
        }
    }
    return retried;
}
function record(retried, latest, firstId, outcome, counts, notCounted = null) {
    const list = retried.attempts.get(firstId) ?? [];
    list.push({ outcome, counts, ...(notCounted ? { notCounted } : {}) });
    retried.attempts.set(firstId, list);
    if (counts)
        latest.set(firstId, outcome);
}
/**
 * How a run says it ran (its platform, device and mode), as a test's start request takes them:
 * a `run-id` run's request is not known, and its test's saved defaults may differ (a run that
 * failed on iOS must not count as flaky for passing on the web).
 */
function runConfig(run) {
    const body = {};
    if (run?.platform && ['web', 'ios', 'android'].includes(run.platform)) {
        body.platform = run.platform;
    }
    if (run?.deviceModel && ['iphone', 'ipad'].includes(run.deviceModel)) {
        body.deviceModel = run.deviceModel;
    }
    if (run?.executionMode === 'fast' || run?.executionMode === 'deep')
        body.mode = run.executionMode;
    return body;
}
/**
 * Which request starts each failed run again: the agent's and a test's own, a group member alone
 * by its test when the group's body holds nothing a test's start cannot carry (else the group
 * again), a `run-id` run by its test, on the platform, device and mode it ran with (`configOf`).
 * A run that cannot be started again is noted and left out.
 */
function planRetries(failing, sent, testIdOf, stop, configOf = () => ({})) {
    const plans = [];
    const groupAgain = [];
    const { start, agent } = sent;
    for (const id of failing) {
        if (agent && agent.runId === id) {
            plans.push({ kind: 'agent', firstId: id, projectId: agent.projectId, body: agent.body });
        }
        else if (start?.kind === 'test' && start.runIds.includes(id)) {
            plans.push({
                kind: 'test',
                firstId: id,
                testId: start.id,
                body: start.body,
                how: `test ${start.id}, same request`
            });
        }
        else if (start?.kind === 'group' && start.runIds.includes(id)) {
            const testId = testIdOf(id);
            if (!testId) {
                stop(id, 'the API gave no test ID for this run of the group, so it could not be matched to a new run');
            }
            else if (GROUP_ONLY.some(key => key in start.body)) {
                groupAgain.push(id);
            }
            else {
                const body = Object.fromEntries(Object.entries(start.body).filter(([key]) => TEST_CARRIES.includes(key)));
                plans.push({
                    kind: 'test',
                    firstId: id,
                    testId,
                    body,
                    how: `test ${testId} of group ${start.id}, alone`
                });
            }
        }
        else {
            const testId = testIdOf(id);
            if (testId) {
                const body = configOf(id);
                const on = Object.values(body).join(', ');
                plans.push({
                    kind: 'test',
                    firstId: id,
                    testId,
                    body,
                    how: `its test ${testId}${on ? ` (${on}, as it ran)` : ''}`
                });
            }
            else
                stop(id, 'the API gives no test ID for this run, so it could not be started again');
        }
    }
    if (groupAgain.length && start) {
        plans.push({ kind: 'group', firstIds: groupAgain, groupId: start.id, body: start.body });
    }
    return plans;
}
const describe = (plan) => plan.kind === 'agent'
    ? 'the exploration agent, same request'
    : plan.kind === 'group'
        ? `group ${plan.groupId} again, same request`
        : plan.how;
/** One retry's start, under the rule that a start request is never sent twice for one run. */
async function startAgain(plan, options) {
    const { api, signal } = options;
    const what = plan.kind === 'agent'
        ? 'the exploration agent again'
        : plan.kind === 'group'
            ? `group ${plan.groupId} again`
            : `test ${plan.testId} again`;
    const answer = await (0,start_runs/* sendStart */.NC)({
        clock: options.clock,
        deadline: options.deadline,
        pollIntervalMs: options.pollIntervalMs,
        signal,
        ...(options.random ? { random: options.random } : {}),
        what,
        // The request's own signal: the runner's cancel, a grace later (see sendStart).
        send: (timeoutMs, request) => {
            const call = { ...(request ? { signal: request } : {}), timeoutMs };
            return plan.kind === 'agent'
                ? api.startAgent(plan.projectId, plan.body, call)
                : plan.kind === 'group'
                    ? api.startRuns('group', plan.groupId, plan.body, call)
                    : api.startRuns('test', plan.testId, plan.body, call);
        },
        // Whatever the API refuses now, it accepted before: say so, and keep the first verdict.
        refused: ({ status }) => status === 401 || status === 403
            ? 'the key was refused'
            : status >= 400 && status < 500 && status !== 429
                ? 'the API would not start it again'
                : null
    });
    if (answer.kind === 'started' && answer.runIds.length === 0) {
        return { kind: 'failed', message: `${what} started no run` };
    }
    return answer;
}


/***/ }),

/***/ 6595:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NC: () => (/* binding */ sendStart),
/* harmony export */   t: () => (/* binding */ startRuns)
/* harmony export */ });
/* unused harmony exports startBody, canRetryStart */
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7242);
/* harmony import */ var _api_retry_policy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1101);


/** The start request's body, with only what was given (bodies per the API description). */
function startBody(request, context) {
    const body = {};
    const put = (key, value) => {
        if (value !== undefined && value !== null && value !== '')
            body[key] = value;
    };
    put('platform', request.platform);
    put('deviceModel', request.deviceModel);
    put('projectEnvironmentId', request.environmentId);
    if (request.kind === 'test') {
        put('mode', request.mode);
        put('appId', request.appId);
        return body;
    }
    put('targetUrl', request.targetUrl);
    put('environment', request.environment);
    if (request.appId)
        body.mobile = { appId: request.appId };
    put('commitSha', context.sha);
    put('prNumber', context.prNumber);
    return body;
}
/**
 * May this answer be followed by the same request? Only when the request cannot have started a
 * run: it never reached the server (refused, DNS), or the API said so (429, 503). A timeout, a
 * reset after sending, or any other 5xx may hide a run that did start: a second request could
 * start a second one, so the action stops and says so.
 */
function canRetryStart(answer) {
    if (answer.kind === 'network-error')
        return !answer.mayHaveArrived;
    if (answer.kind === 'http-error')
        return answer.status === 429 || answer.status === 503;
    return false;
}
/**
 * Sends one start request until it is answered, refused, or may have started a run. It is repeated
 * only when it cannot have (`canRetryStart`), after the server's `Retry-After` or the backoff, and
 * never past the deadline. An HTTP error is first offered to `again` (true: the caller changed the
 * request, send it at once), then to `refused` (a hint: the request is not repeated, and the error
 * says what to check).
 */
async function sendStart(options) {
    const { clock, deadline, signal, what } = options;
    for (let failures = 1;; failures++) {
        if (signal?.aborted)
            return { kind: 'aborted', mayHaveStarted: false };
        // The timeout already reached (by an upload or a lookup before): nothing is sent, so no run
        // can start that nobody waits for.
        if (failures === 1 && clock.now() >= deadline) {
            return {
                kind: 'failed',
                message: `the timeout was reached before ${what} could be started; nothing was sent`,
                timedOut: true
            };
        }
        // A cancel does not cut the request at once: its answer names the runs it started, which are
        // then cancelled. Unanswered after the grace, it is given up, and a run may have started.
        const grace = graceAfter(signal, _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Limits */ .xu.startAnswerGraceMs);
        const answer = await options
            .send(Math.max(1, Math.min(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Limits */ .xu.requestTimeoutMs, deadline - clock.now())), grace.signal)
            .finally(grace.dispose);
        if (answer.kind === 'started')
            return answer;
        if (answer.kind === 'aborted')
            return { kind: 'aborted', mayHaveStarted: true };
        const message = answer.message;
        if (answer.kind === 'http-error') {
            if (options.again?.(answer))
                continue;
            const hint = options.refused(answer);
            if (hint !== null) {
                return {
                    kind: 'failed',
                    message: `the TesterArmy API refused to start ${what} (${message}); ${hint}`
                };
            }
        }
        if (!canRetryStart(answer)) {
            // No answer before the step's timeout (each request is cut at it): a timeout, though the
            // request may still have started a run.
            if (answer.kind === 'network-error' && clock.now() >= deadline) {
                return {
                    kind: 'failed',
                    message: `the timeout was reached while starting ${what} (${message}); the request may have reached TesterArmy and started a run: check the TesterArmy dashboard`,
                    timedOut: true
                };
            }
            return {
                kind: 'failed',
                message: `starting ${what} failed (${message}); not retried, because the request may have ` +
                    `reached TesterArmy and a second one could start a second run. Check the TesterArmy dashboard.`
            };
        }
        const wait = (0,_api_retry_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .retryDelayMs */ .qO)(answer.kind === 'http-error' ? answer.retryAfterMs : null, failures, options.pollIntervalMs, options.random ?? Math.random);
        if (clock.now() + wait >= deadline) {
            return {
                kind: 'failed',
                message: `could not start ${what} before the timeout (last error: ${message})`,
                timedOut: true
            };
        }
        options.onRetry?.(message, wait);
        await clock.sleep(wait, signal);
    }
}
/** A signal that aborts `graceMs` after `signal` does (real time, as a request's own limit is). */
function graceAfter(signal, graceMs) {
    if (!signal)
        return { signal: undefined, dispose: () => undefined };
    const controller = new AbortController();
    let timer;
    const onAbort = () => {
        timer = setTimeout(() => controller.abort(), graceMs);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    return {
        signal: controller.signal,
        dispose: () => {
            clearTimeout(timer);
            signal.removeEventListener('abort', onAbort);
        }
    };
}
async function startRuns(options) {
    const { api, request } = options;
    const body = startBody(request, options.context);
    const what = `${request.kind === 'test' ? 'test' : 'group'} ${request.id}`;
    const answer = await sendStart({
        ...options,
        what: `a run of ${what}`,
        send: (timeoutMs, signal) => api.startRuns(request.kind, request.id, body, { ...(signal ? { signal } : {}), timeoutMs }),
        refused: ({ status }) => 
        // A redirect or a 410 started nothing: the request never reached the API's start endpoint.
        (status >= 300 && status < 400) || status === 410
            ? 'check the api-url input, which must be the API root such as https://tester.army/api'
            : status === 404
                ? `check the ${request.kind} ID and that the API key belongs to its team`
                : status === 400
                    ? 'check the inputs passed to the start request'
                    : status === 401 || status === 403
                        ? 'check the api-key input or the TESTERARMY_API_KEY secret'
                        : null
    });
    if (answer.kind === 'started' && answer.runIds.length === 0) {
        return { kind: 'failed', message: `the ${what} started no runs: it may have no runnable tests` };
    }
    return answer.kind === 'started' ? { ...answer, body } : answer;
}


/***/ })

};
