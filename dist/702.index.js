export const id = 702;
export const ids = [702];
export const modules = {

/***/ 8702:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   planRetries: () => (/* binding */ planRetries),
/* harmony export */   retryFailed: () => (/* binding */ retryFailed),
/* harmony export */   runConfig: () => (/* binding */ runConfig)
/* harmony export */ });
/* harmony import */ var _wait_poller_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5940);
/* harmony import */ var _start_runs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6595);


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
            if (answer.kind === 'aborted')
                break;
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
        const polled = await (0,_wait_poller_js__WEBPACK_IMPORTED_MODULE_0__/* .pollRuns */ .q)({
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
                if (outcome)
                    record(retried, latest, plan.firstId, outcome, true);
                continue;
            }
            // A group started again: each new run belongs to the member that has its test.
            for (const outcome of outcomes) {
                const testId = outcome.run?.testId;
                const member = testId ? [...firsts.keys()].find(id => testIdOf(id) === testId) : undefined;
                if (!member)
                    continue;
                record(retried, latest, member, outcome, plan.firstIds.includes(member));
            }
            for (const id of plan.firstIds) {
                if (!outcomes.some(o => o.run?.testId === testIdOf(id)))
                    stop(id, 'the group started again, but no new run of its test could be found');
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
function record(retried, latest, firstId, outcome, counts) {
    const list = retried.attempts.get(firstId) ?? [];
    list.push({ outcome, counts });
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
    const answer = await (0,_start_runs_js__WEBPACK_IMPORTED_MODULE_1__/* .sendStart */ .NC)({
        clock: options.clock,
        deadline: options.deadline,
        pollIntervalMs: options.pollIntervalMs,
        signal,
        ...(options.random ? { random: options.random } : {}),
        what,
        send: timeoutMs => plan.kind === 'agent'
            ? api.startAgent(plan.projectId, plan.body, { signal, timeoutMs })
            : plan.kind === 'group'
                ? api.startRuns('group', plan.groupId, plan.body, { signal, timeoutMs })
                : api.startRuns('test', plan.testId, plan.body, { signal, timeoutMs }),
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
        // The timeout already reached (by an upload or a lookup before): nothing is sent, so no run
        // can start that nobody waits for.
        if (failures === 1 && clock.now() >= deadline) {
            return {
                kind: 'failed',
                message: `the timeout was reached before ${what} could be started; nothing was sent`,
                timedOut: true
            };
        }
        const answer = await options.send(Math.max(1, Math.min(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Limits */ .xu.requestTimeoutMs, deadline - clock.now())));
        if (answer.kind === 'started' || answer.kind === 'aborted')
            return answer;
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
        if (signal?.aborted)
            return { kind: 'aborted' };
    }
}
async function startRuns(options) {
    const { api, request, signal } = options;
    const body = startBody(request, options.context);
    const what = `${request.kind === 'test' ? 'test' : 'group'} ${request.id}`;
    const answer = await sendStart({
        ...options,
        what: `a run of ${what}`,
        send: timeoutMs => api.startRuns(request.kind, request.id, body, { signal, timeoutMs }),
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
