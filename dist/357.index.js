export const id = 357;
export const ids = [357];
export const modules = {

/***/ 6357:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ProjectLists: () => (/* binding */ ProjectLists)
});

// EXTERNAL MODULE: ./src/api/retry-policy.ts
var retry_policy = __webpack_require__(1101);
;// CONCATENATED MODULE: ./src/api/list-policy.ts
// What to do after each answer to the run list: use it, wait and ask it again, or stop using it.
// Pure, like the retry policy whose rules (Retry-After, backoff) it shares.

/**
 * `failures`: list faults in a row before this answer (drives the backoff); returned updated.
 * Anything but a list, a 429 or a missing answer falls back: a 403 (a key that may read runs but
 * not list them), a 404 (an API without the list), a 5xx, a body that is not a list, an answer too
 * large. A 401 falls back too: the run's own `GET` then says the key was rejected, as it always has.
 */
function decideList(response, failures, { pollIntervalMs, random }) {
    switch (response.kind) {
        case 'list':
            return [{ action: 'use' }, 0];
        case 'network-error': {
            const delayMs = (0,retry_policy/* backoffMs */.jo)(failures + 1, pollIntervalMs, random);
            const message = response.message;
            return [{ action: 'retry', delayMs, message }, failures + 1];
        }
        case 'http-error':
            if (response.status === 429) {
                const delayMs = (0,retry_policy/* retryDelayMs */.qO)(response.retryAfterMs, failures + 1, pollIntervalMs, random);
                const message = `the API is rate limiting requests (${response.message})`;
                return [{ action: 'retry', delayMs, message }, failures + 1];
            }
            return [{ action: 'fall-back', reason: response.message }, failures];
        case 'invalid-body':
        case 'too-large':
            return [{ action: 'fall-back', reason: response.message }, failures];
    }
}

// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(7242);
// EXTERNAL MODULE: ./src/guards.ts
var guards = __webpack_require__(9609);
;// CONCATENATED MODULE: ./src/wait/list-plan.ts


/**
 * Pages read in one round at most. Our runs are near the top (the list is newest first): only runs
 * started after ours push them down, 100 a page. Past this many pages, reading the runs still
 * missing one by one costs about what more pages would, and a round stays short.
 */
const MAX_PAGES_PER_ROUND = 5;
/** What one round's pages have shown so far of the runs we wait for (lower-cased IDs). */
class RoundPages {
    wanted;
    found = new Map();
    /** Runs listed more than once in the round: which item to believe is not known. */
    twice = new Set();
    project;
    pages = 0;
    cursor = null;
    /** `wanted`: the runs this round reads, lower-cased; `project`: the project whose list it is. */
    constructor(wanted, project) {
        this.wanted = wanted;
        this.project = project.toLowerCase();
    }
    /** Takes a page in; true when the next page should be read (its cursor is `nextCursor`). */
    add(page) {
        this.pages += 1;
        this.cursor = page.nextCursor;
        const wanted = new Set(this.wanted);
        for (const listed of page.runs) {
            const id = listed.run.id.toLowerCase();
            if (!wanted.has(id))
                continue;
            // A run listed twice (it moved between two pages while we read, or the list is wrong) is
            // read by ID: which of the two is the run now cannot be told from the list.
            if (this.found.has(id))
                this.twice.add(id);
            else
                this.found.set(id, listed);
        }
        // One run missing: its own GET costs what another page would, and is sure to find it.
        return this.cursor !== null && this.missing().length >= 2 && this.pages < MAX_PAGES_PER_ROUND;
    }
    get nextCursor() {
        return this.cursor;
    }
    /** Wanted runs no page read so far shows. */
    missing() {
        return this.wanted.filter(id => !this.found.has(id));
    }
    /**
     * What the pages give each wanted run: its item, when it is consistent and all the report needs;
     * null when the run is to be read by ID: not on the pages, listed twice, listed as another
     * project's, or finished without a complete `output` (a list may leave outputs or their
     * findings out; the verdict and the report need them).
     */
    given(id) {
        const key = id.toLowerCase();
        const listed = this.found.get(key);
        if (!listed || this.twice.has(key))
            return null;
        const { run, body } = listed;
        // The list was asked for this project: an item that names another is not believed.
        if (run.projectId !== null && run.projectId.toLowerCase() !== this.project)
            return null;
        return constants/* TERMINAL_STATUSES */.CM.includes(run.status) && !completeOutput(body) ? null : listed;
    }
}
/**
 * A finished run's `output` as received, complete enough to decide the run: the agent's result
 * with its list of issues, or the planner's skip with its reason. A list that trims outputs (no
 * `issues`, `{}`) would otherwise pass a run that failed with findings.
 */
function completeOutput(body) {
    const output = (0,guards/* isPlainObject */.Qd)(body) ? body.output : null;
    if (!(0,guards/* isPlainObject */.Qd)(output))
        return false;
    if (output.kind === 'planner_skipped')
        return typeof output.reason === 'string';
    return (typeof output.result === 'string' && output.result.trim() !== '' && Array.isArray(output.issues));
}

;// CONCATENATED MODULE: ./src/wait/project-lists.ts


/**
 * GETs by ID at once within a round (finished runs the list gives without output, runs not on its
 * pages): enough to keep a round short, few enough that they never go out as one burst.
 */
const ROUND_GETS_AT_ONCE = 4;
class ProjectLists {
    context;
    watches;
    rounds = new Map();
    troubles = new Map();
    refusedOnce = false;
    constructor(context, watches) {
        this.context = context;
        this.watches = watches;
    }
    get refused() {
        return this.refusedOnce;
    }
    /**
     * At a run's turn to be read by ID: true when its project's list reads it from now on. A run of
     * unknown project (not read yet) is looked for in the list of a project known from another run:
     * the first interval then costs one GET and a page, not one GET per run. A list is only started
     * for two runs or more: one run is always read by ID.
     */
    claim(watch) {
        if (this.refusedOnce)
            return false;
        // A run read without a project (or never read, with no project known yet) is read by ID.
        const project = watch.projectId ?? (watch.seen ? null : this.projectToSearch());
        if (project === null)
            return false;
        // A list that just failed is not asked again before its backoff: its runs are read by ID.
        if ((this.troubles.get(project)?.until ?? 0) > this.context.clock.now())
            return false;
        const rounds = this.rounds.get(project);
        if (rounds)
            return (rounds.add(watch), true);
        const joining = this.watches.filter(w => w === watch ||
            (w.reader === 'alone' && !w.reading && !w.finished && this.couldBeIn(w, project)));
        if (joining.length < 2)
            return false;
        const started = new ProjectRounds(project, this);
        this.rounds.set(project, started);
        for (const w of joining)
            started.add(w);
        this.context.log.listFollow?.(project, joining.length);
        this.context.spawn(started.follow());
        return true;
    }
    /** The list is refused: every run is read by ID from now on, said once. */
    refuse(reason) {
        if (this.refusedOnce)
            return;
        this.refusedOnce = true;
        this.context.log.listFallback?.(reason);
    }
    /** Faults of the project's list in a row, before this answer (the backoff grows with them). */
    failures(project) {
        return this.troubles.get(project)?.failures ?? 0;
    }
    /** The project's list answered (`until` 0), or failed: not asked again before `until`. */
    noteAnswer(project, failures, until = 0) {
        this.troubles.set(project, { failures, until });
    }
    /** A project's rounds ended: its runs are read alone, and a later claim may start them again. */
    closed(project) {
        this.rounds.delete(project);
    }
    /** A run of the project, or one not read yet that may be: its list is where to look first. */
    couldBeIn(watch, project) {
        return watch.projectId === project || !watch.seen;
    }
    /** The first project known from the runs read so far. */
    projectToSearch() {
        return this.watches.find(w => w.projectId !== null)?.projectId ?? null;
    }
}
/** The rounds of one project's list: every interval, its pages, then the GETs they leave. */
class ProjectRounds {
    project;
    lists;
    members = [];
    constructor(project, lists) {
        this.project = project;
        this.lists = lists;
    }
    add(watch) {
        if (!this.members.includes(watch))
            this.members.push(watch);
        watch.readByList();
    }
    async follow() {
        const { context } = this.lists;
        const { clock, pollIntervalMs } = context;
        let next = clock.now();
        for (;;) {
            if (!(await context.waitUntil(next)))
                break;
            this.members = this.members.filter(w => !w.finished);
            // One run left (its turn is now): read by ID, as a run alone always is.
            if (this.members.length < 2)
                return this.close(() => 0);
            // Refused (here or by another project's list): each run by ID, when its own loop would
            // have read it (never asked yet: its place in the first interval; else an interval after its
            // last answer), spread over one interval so the runs the list read do not go out at once.
            const spread = ({ answeredAt, offset }) => answeredAt === null
                ? Math.max(0, context.start + offset - clock.now())
                : Math.max(answeredAt + pollIntervalMs - clock.now(), offset);
            if (this.lists.refused)
                return this.close(spread);
            const result = await this.round(this.members);
            if (result === 'stopped')
                break;
            // Refused, or failed: each run goes back to its own GETs, within one interval.
            if (this.lists.refused || result === 'failed')
                return this.close(spread);
            if (this.members.every(w => w.finished))
                return this.close(() => 0);
            next = clock.now() + pollIntervalMs;
        }
        const { fatal, cancelled } = context.ending();
        for (const watch of this.members)
            watch.stop(fatal, cancelled);
        this.lists.closed(this.project);
    }
    /**
     * One round: the pages, then each run from them or by ID; 'failed' when the first page did not
     * come (the runs then go back to their own GETs).
     */
    async round(members) {
        const { context } = this.lists;
        const { listRuns, clock, deadline, log, pollIntervalMs } = context;
        const pages = new RoundPages(members.map(w => w.id.toLowerCase()), this.project);
        for (let first = true;; first = false) {
            const cursor = first ? null : pages.nextCursor;
            // A page that takes longer than an interval costs the runs more than their own GETs would:
            // it is cut there, as a fault.
            const request = context.requestOptions();
            const timeoutMs = Math.min(request.timeoutMs ?? pollIntervalMs, pollIntervalMs);
            const response = await listRuns(this.project, cursor, { ...request, timeoutMs });
            if (response.kind === 'aborted')
                return 'stopped';
            if (response.kind === 'network-error' && response.timedOut && clock.now() >= deadline) {
                for (const watch of members)
                    watch.cutOff(response.message);
                return 'stopped';
            }
            const [decision, failures] = decideList(response, this.lists.failures(this.project), context);
            if (decision.action === 'use') {
                this.lists.noteAnswer(this.project, failures);
                if (response.kind === 'list' && pages.add(response.page))
                    continue;
                break;
            }
            if (decision.action === 'fall-back') {
                this.lists.refuse(decision.reason);
                if (first)
                    return 'read';
                break;
            }
            // A later page failed: the runs it would have shown are read by ID in this round.
            if (!first)
                break;
            // The list failed: its runs are read by ID from now on, and it is asked again only after its
            // backoff (a 429's Retry-After holds the list, not the runs' own GETs: those answer alone).
            this.lists.noteAnswer(this.project, failures, clock.now() + decision.delayMs);
            for (const watch of members)
                watch.fault(decision.message);
            if (clock.now() + decision.delayMs < deadline)
                log.listRetry?.(this.project, members.length, decision.message, decision.delayMs);
            return 'failed';
        }
        return this.deliver(members, pages);
    }
    /** Each run's answer, in the order the runs were given: from the pages, or from its own GET. */
    async deliver(members, pages) {
        const { context } = this.lists;
        const { api, clock, deadline, pollIntervalMs } = context;
        const now = clock.now();
        const byId = members.filter(w => pages.given(w.id) === null && w.retryAt <= now);
        const answers = await inTurns(byId, ROUND_GETS_AT_ONCE, watch => {
            watch.reading = true;
            return api.getRun(watch.id, context.requestOptions()).finally(() => (watch.reading = false));
        });
        for (const watch of members) {
            const listed = pages.given(watch.id);
            const answer = listed
                ? { kind: 'run', run: listed.run, body: listed.body }
                : answers.get(watch);
            if (answer === undefined)
                continue;
            if (answer.kind === 'aborted')
                return 'stopped';
            if (answer.kind === 'network-error' && answer.timedOut && clock.now() >= deadline) {
                watch.cutOff(answer.message);
                continue;
            }
            const step = watch.take(answer);
            if (step.kind === 'fatal') {
                context.fatal(step.message);
                return 'stopped';
            }
            if (step.kind === 'done')
                continue;
            if (!listed)
                watch.retryAt = clock.now() + step.delayMs;
            if (step.throttle)
                context.throttle(clock.now() + step.delayMs);
            // Its own GET says it belongs elsewhere (or nowhere): read by ID, or by its own project's list.
            if (!listed && answer.kind === 'run' && watch.projectId !== this.project) {
                this.members = this.members.filter(w => w !== watch);
                context.readAlone(watch, clock.now() + pollIntervalMs);
            }
        }
        return 'read';
    }
    /** Hands every unfinished run back to its own GETs, each `after` ms from now. */
    close(after) {
        const { context } = this.lists;
        this.lists.closed(this.project);
        const now = context.clock.now();
        for (const watch of this.members) {
            if (!watch.finished)
                context.readAlone(watch, now + after(watch));
        }
    }
}
/** `work` for every item, at most `width` at a time; the answers by item. */
async function inTurns(items, width, work) {
    const results = new Map();
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const item = items[next++];
            results.set(item, await work(item));
        }
    };
    await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
    return results;
}


/***/ })

};
