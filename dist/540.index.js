export const id = 540;
export const ids = [540];
export const modules = {

/***/ 8540:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkAppFile: () => (/* binding */ checkAppFile),
  logUploaded: () => (/* binding */ logUploaded),
  publishAppOutputs: () => (/* binding */ publishAppOutputs),
  runUploadStep: () => (/* binding */ runUploadStep),
  uploadLog: () => (/* binding */ uploadLog)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6288);
// EXTERNAL MODULE: ./src/upload/app-path.ts
var app_path = __webpack_require__(5648);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(7242);
// EXTERNAL MODULE: ./src/duration.ts
var duration = __webpack_require__(7607);
// EXTERNAL MODULE: ./src/escape.ts
var src_escape = __webpack_require__(2988);
// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(8474);
// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/index.js + 1 modules
var lib = __webpack_require__(4942);
// EXTERNAL MODULE: ./src/api/http-request.ts
var http_request = __webpack_require__(7542);
;// CONCATENATED MODULE: ./src/upload/storage-put.ts
// Sends one file to a presigned storage URL with one plain PUT, streamed from disk through
// @actions/http-client (so https_proxy and no_proxy apply), and says how it went as a typed value.





/**
 * The file is read into a few buffers used over and over: a new buffer per read (what a read
 * stream does) leaves hundreds of megabytes of garbage for the GC to find late, and the process's
 * memory grows by ~70 MiB on a 400 MiB build. 4 × 256 KiB keeps it flat and the socket busy.
 */
const CHUNK_BYTES = 256 * 1024;
const POOL_BUFFERS = 4;
/** A storage error page is small; anything beyond this is not worth reading for a message. */
const MAX_ERROR_BODY_BYTES = 64 * 1024;
class IdleTimeout extends Error {
}
/** The file, not the network: what the body's writer ends the request with. */
class BuildFileError extends Error {
}
async function putFile(options) {
    const { signal, idleTimeoutMs } = options;
    if (signal?.aborted)
        return { kind: 'aborted' };
    const controller = new AbortController();
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    let idle;
    // The body's writer may still be in a read when the answer (or a reset) ends the PUT: from then
    // on it must not arm the idle timer again, which would hold the process open for a minute.
    let over = false;
    const touch = () => {
        if (over)
            return;
        clearTimeout(idle);
        idle = setTimeout(() => controller.abort(new IdleTimeout()), idleTimeoutMs);
    };
    let sent = 0;
    const body = new FileBody(options.path, options.size, read => {
        if (over)
            return;
        sent = read;
        touch();
        options.onProgress?.(read);
    });
    touch();
    try {
        const client = new lib/* HttpClient */.Qq(options.userAgent, [(0,http_request/* withSignal */.l)(controller.signal)], {
            allowRetries: false,
            // A presigned URL that redirects is not one to follow with the build: S3 never does.
            allowRedirects: false,
            socketTimeout: idleTimeoutMs
        });
        // Exactly these headers: the URL's signature covers the content type, and a length makes
        // Node send the body as it is instead of chunked, which S3 refuses (501).
        const response = await client.sendStream('PUT', options.url, body, {
            'content-type': 'application/octet-stream',
            'content-length': String(options.size)
        });
        const status = response.message.statusCode ?? 0;
        const text = await readSmallBody(response.message, controller.signal);
        if (status >= 200 && status < 300)
            return { kind: 'stored', status };
        return {
            kind: 'http-error',
            status,
            message: storageMessage(status, text),
            retryAfterMs: retryAfter(response.message.headers['retry-after'])
        };
    }
    catch (error) {
        const reason = controller.signal.reason;
        if (controller.signal.aborted && reason instanceof IdleTimeout) {
            return {
                kind: 'network-error',
                message: `no byte moved for ${(0,duration/* formatDuration */.a)(idleTimeoutMs)} (after ${sent} of ${options.size} bytes)`
            };
        }
        if (controller.signal.aborted)
            return { kind: 'aborted' };
        if (error instanceof BuildFileError)
            return { kind: 'file-error', message: error.message };
        return {
            kind: 'network-error',
            message: (0,http_request/* networkMessage */.k)(error, STORAGE_NETWORK_ERRORS, 'the connection to storage failed')
        };
    }
    finally {
        over = true;
        clearTimeout(idle);
        signal?.removeEventListener('abort', onAbort);
    }
}
/**
 * The request body. http-client only calls `pipe(request)` on it (and listens for `close`, which
 * this never emits: it ends the request itself), so it gets the request and writes the file into
 * it, each buffer reused once the socket has taken it (the write callback), waiting for `drain`
 * as a pipe would. The first `size` bytes are sent: the Content-Length promised.
 *
 * Storage may answer before the body is all sent (S3's 403 for an expired signature) and close the
 * connection. That answer is the answer: once it is in, nothing more is written; and each write
 * waits for the event loop to read the socket first, since a write that meets the closed
 * connection would tear it down (EPIPE, ECONNRESET) with the answer still unread in it.
 */
class FileBody extends external_node_events_.EventEmitter {
    path;
    size;
    onRead;
    answered = false;
    constructor(path, size, onRead) {
        super();
        this.path = path;
        this.size = size;
        this.onRead = onRead;
    }
    pipe(request) {
        request.once('response', () => {
            this.answered = true;
        });
        this.pump(request).catch((error) => request.destroy(error instanceof BuildFileError ? error : fileError(error)));
        return request;
    }
    async pump(request) {
        const file = await (0,promises_.open)(this.path, 'r');
        const over = () => request.destroyed || this.answered;
        try {
            const free = Array.from({ length: POOL_BUFFERS }, () => Buffer.allocUnsafe(CHUNK_BYTES));
            let wake = null;
            const notify = () => {
                wake?.();
                wake = null;
            };
            const until = (ready) => ready() || request.destroyed
                ? Promise.resolve()
                : new Promise(resolve => {
                    wake = resolve;
                });
            request.on('drain', notify).on('close', notify);
            let position = 0;
            while (position < this.size && !over()) {
                await until(() => free.length > 0);
                const buffer = free.pop();
                if (!buffer || over())
                    break;
                const length = Math.min(CHUNK_BYTES, this.size - position);
                const { bytesRead } = await file.read(buffer, 0, length, position);
                if (bytesRead === 0) {
                    throw new BuildFileError(`the build file got shorter during the upload (it ended at ${position} of the ${this.size} bytes it had); ` +
                        'upload it once it is built');
                }
                await socketsPolled();
                if (over())
                    break;
                position += bytesRead;
                this.onRead(position);
                const flowing = request.write(buffer.subarray(0, bytesRead), () => {
                    free.push(buffer);
                    notify();
                });
                if (!flowing)
                    await until(() => !request.writableNeedDrain);
            }
            if (!over())
                request.end();
        }
        finally {
            await file.close();
        }
    }
}
/**
 * Resolves once the event loop has polled the sockets after this call: an answer that arrived
 * before it has been read by then. (The first turn may end in the middle of a poll phase; the
 * second starts a whole one.)
 */
async function socketsPolled() {
    for (let turn = 0; turn < 2; turn++)
        await new Promise(resolve => setImmediate(resolve));
}
/** Opening or reading the build failed: said about the file, not the connection. */
function fileError(error) {
    const code = error.code;
    return new BuildFileError(code === 'ENOENT'
        ? 'the build file disappeared during the upload'
        : `the build file could not be read (${code ?? error.message})`);
}
function readSmallBody(message, signal) {
    return new Promise(resolve => {
        const chunks = [];
        let size = 0;
        const done = () => {
            message.destroy();
            resolve(Buffer.concat(chunks).toString('utf8'));
        };
        if (signal.aborted)
            return done();
        signal.addEventListener('abort', done, { once: true });
        message.on('data', (chunk) => {
            size += chunk.length;
            if (size > MAX_ERROR_BODY_BYTES)
                return done();
            chunks.push(chunk);
        });
        message.on('end', done);
        message.on('error', done);
        message.on('close', done);
    });
}
/** S3 and its kin answer `<Error><Code>…</Code><Message>…</Message></Error>`. */
function storageMessage(status, body) {
    const code = /<Code>([^<]{1,100})<\/Code>/.exec(body)?.[1]?.trim();
    const message = /<Message>([^<]{1,300})<\/Message>/.exec(body)?.[1]?.trim();
    const detail = [code, message].filter(Boolean).join(': ');
    return `storage answered HTTP ${status}${detail ? ` (${detail})` : ''}`;
}
function retryAfter(header) {
    const value = (Array.isArray(header) ? header[0] : header)?.trim();
    return value && /^\d+$/.test(value) ? Number(value) * 1000 : null;
}
/** The network errors a user can act on, in words about storage. */
const STORAGE_NETWORK_ERRORS = {
    ECONNREFUSED: 'storage refused the connection',
    ECONNRESET: 'the connection to storage was reset',
    EPIPE: 'the connection to storage was reset',
    ENOTFOUND: 'the storage host was not found (DNS)',
    EAI_AGAIN: 'the storage host could not be resolved (DNS)',
    ETIMEDOUT: 'the connection to storage timed out'
};

// EXTERNAL MODULE: ./src/api/app-response.ts
var app_response = __webpack_require__(9371);
// EXTERNAL MODULE: ./src/upload/upload-progress.ts
var upload_progress = __webpack_require__(9710);
;// CONCATENATED MODULE: ./src/upload/upload-protocol.ts





const UploadLimits = {
    /** A PUT that failed on the way is sent again from the first byte at most this many times. */
    putRetries: 3,
    /** Backoff between PUTs: 2 s, 4 s, 8 s (with jitter), never more than 30 s. */
    putBackoffBaseMs: 2_000,
    maxBackoffMs: 30_000,
    /** A storage 429's Retry-After is followed up to this long; the step's timeout still bounds it. */
    maxRetryAfterMs: 60_000,
    /** Creating a URL, confirming (when it cannot have arrived) and listing: tried this often more. */
    apiRetries: 3,
    /** No byte moving for this long ends a PUT attempt (a dead connection, a stalled proxy). */
    idleTimeoutMs: 60_000,
    /**
     * "Created since the upload began" is compared across two clocks, the runner's and the API's;
     * an app made a little "before" the upload by the API's clock is still this upload's.
     */
    clockSkewMs: 120_000
};
class Aborted extends Error {
}
class Failed extends Error {
}
async function uploadApp(options) {
    const phase = { confirming: false };
    try {
        return await upload(options, phase);
    }
    catch (error) {
        if (error instanceof Aborted)
            return { kind: 'aborted', confirming: phase.confirming };
        if (error instanceof Failed)
            return { kind: 'failed', message: error.message };
        throw error;
    }
}
async function upload(options, phase) {
    const { api, clock, projectId, file, signal, log } = options;
    const random = options.random ?? Math.random;
    const began = clock.now();
    const body = {
        filename: file.uploadName,
        fileSize: file.size,
        ...(options.removeAfterS === null ? {} : { removeAfter: options.removeAfterS })
    };
    const backoff = (failures, hintMs = null) => {
        const ceiling = Math.min(UploadLimits.maxBackoffMs, UploadLimits.putBackoffBaseMs * 2 ** (failures - 1));
        const jittered = Math.round(ceiling / 2 + (random() * ceiling) / 2);
        return hintMs === null ? jittered : Math.min(Math.max(hintMs, 0), UploadLimits.maxRetryAfterMs);
    };
    const pause = async (ms) => {
        await clock.sleep(ms, signal);
        if (signal.aborted)
            throw new Aborted();
    };
    /** Creating a URL only creates a URL: safe to repeat on any fault but a refusal. */
    const createUpload = async () => {
        for (let failures = 0;;) {
            const answer = await api.createUpload(projectId, body, { signal });
            if (answer.kind === 'ok') {
                const unsafe = (0,app_path/* checkUploadUrl */.HK)(answer.value.uploadUrl);
                if (unsafe)
                    throw new Failed(unsafe);
                return answer.value;
            }
            if (answer.kind === 'aborted')
                throw new Aborted();
            const refused = answer.kind === 'http-error' && answer.status < 500 && answer.status !== 429;
            if (refused || failures >= UploadLimits.apiRetries) {
                throw new Failed(`TesterArmy did not give an upload URL: ${answerMessage(answer)}`);
            }
            failures++;
            const delay = backoff(failures, answer.kind === 'http-error' ? answer.retryAfterMs : null);
            log.info(`Asking for an upload URL: ${answerMessage(answer)}; trying again in ${(0,duration/* formatDuration */.a)(delay)}.`);
            await pause(delay);
        }
    };
    let ticket = await createUpload();
    const progress = new upload_progress/* UploadProgress */.T(file.size, () => clock.now());
    let renewed = false;
    let failures = 0;
    for (let attempt = 1;; attempt++) {
        if (attempt > 1)
            progress.restart();
        const result = await options.put({
            url: ticket.uploadUrl,
            path: file.path,
            size: file.size,
            userAgent: options.userAgent,
            signal,
            idleTimeoutMs: options.idleTimeoutMs ?? UploadLimits.idleTimeoutMs,
            onProgress: sent => {
                const line = progress.update(sent);
                if (line)
                    log.info(line);
            }
        });
        if (result.kind === 'stored')
            break;
        if (result.kind === 'aborted' || signal.aborted)
            throw new Aborted();
        if (result.kind === 'http-error' && result.status === 403 && !renewed) {
            // An expired or refused signature: a new URL helps once; a second 403 is a real refusal.
            renewed = true;
            log.info(`Storage refused the upload URL (${(0,src_escape/* logText */.kc)(result.message)}): asking for a new one.`);
            ticket = await createUpload();
            continue;
        }
        // The file itself changed or cannot be read: sending it again cannot succeed.
        if (result.kind === 'file-error') {
            throw new Failed(`the build could not be uploaded: ${result.message}; nothing was confirmed and no run was started`);
        }
        const retryable = result.kind === 'network-error' ||
            result.status >= 500 ||
            result.status === 408 ||
            result.status === 429;
        if (!retryable || failures >= UploadLimits.putRetries) {
            const tries = failures + 1 + (renewed ? 1 : 0);
            throw new Failed(`the build could not be uploaded (${(0,src_escape/* logText */.kc)(result.message)}${tries > 1 ? `, after ${tries} attempts` : ''}); nothing was confirmed and no run was started`);
        }
        failures++;
        const delay = backoff(failures, result.kind === 'http-error' ? result.retryAfterMs : null);
        log.info(`The upload failed (${(0,src_escape/* logText */.kc)(result.message)}); sending it again from the first byte in ${(0,duration/* formatDuration */.a)(delay)} ` +
            `(attempt ${failures + 1} of ${UploadLimits.putRetries + 1}).`);
        await pause(delay);
    }
    const finished = progress.finish();
    log.info(finished.line);
    const confirmBody = { ...body, storageKey: ticket.storageKey };
    phase.confirming = true;
    for (let failures = 0;;) {
        const answer = await api.confirmUpload(projectId, confirmBody, { signal });
        if (answer.kind === 'ok') {
            return {
                kind: 'uploaded',
                app: answer.value,
                elapsedMs: clock.now() - began,
                uploadMs: finished.elapsedMs,
                recovered: false
            };
        }
        if (answer.kind === 'aborted')
            throw new Aborted();
        if (confirmCannotHaveArrived(answer) && failures < UploadLimits.apiRetries) {
            failures++;
            const delay = backoff(failures, answer.kind === 'http-error' ? answer.retryAfterMs : null);
            log.info(`Confirming the upload: ${answerMessage(answer)}; trying again in ${(0,duration/* formatDuration */.a)(delay)}.`);
            await pause(delay);
            continue;
        }
        if (confirmMayHaveMadeApp(answer)) {
            log.info(`Confirming the upload: ${answerMessage(answer)}. The app may have been made anyway: looking for it in the project's apps.`);
            const app = await findUploadedApp(options, began, pause, backoff);
            return {
                kind: 'uploaded',
                app,
                elapsedMs: clock.now() - began,
                uploadMs: finished.elapsedMs,
                recovered: true
            };
        }
        throw new Failed(`TesterArmy did not accept the uploaded build: ${answerMessage(answer)}`);
    }
}
/** Refused before sending, or answered 429/503: the API did nothing, so confirming again is safe. */
function confirmCannotHaveArrived(answer) {
    if (answer.kind === 'network-error')
        return !answer.mayHaveArrived;
    return answer.kind === 'http-error' && (answer.status === 429 || answer.status === 503);
}
/** A timeout, a reset, another 5xx or an unreadable success: the app may exist now. */
function confirmMayHaveMadeApp(answer) {
    if (answer.kind === 'network-error' || answer.kind === 'invalid-body')
        return true;
    return answer.kind === 'http-error' && answer.status >= 500;
}
async function findUploadedApp(options, began, pause, backoff) {
    const { api, projectId, file, signal, log } = options;
    const dashboard = `check the project's apps in the TesterArmy dashboard, and give its ID as app-id`;
    for (let failures = 0;;) {
        const answer = await api.listApps(projectId, { signal });
        if (answer.kind === 'aborted')
            throw new Aborted();
        if (answer.kind === 'ok') {
            const matches = (0,app_response/* matchUploadedApp */.Xx)(answer.value, {
                fileSize: file.size,
                since: began,
                skewMs: UploadLimits.clockSkewMs
            });
            if (matches.length === 1) {
                const app = matches[0];
                log.info(`Found the uploaded build in the project's apps: ${(0,src_escape/* logText */.kc)(app.id, 100)}.`);
                return app;
            }
            // Not there yet, or the API is slow to list it: a second look costs little.
            if (matches.length === 0 && failures < UploadLimits.apiRetries) {
                failures++;
                await pause(backoff(failures));
                continue;
            }
            throw new Failed(matches.length === 0
                ? `the upload could not be confirmed, and no app of ${file.size} bytes uploaded since it began is in the project; ${dashboard}`
                : `the upload's confirm answer was lost, and ${matches.length} apps of ${file.size} bytes were uploaded since it began, so the action cannot tell which is this build; ${dashboard}`);
        }
        const refused = answer.kind === 'http-error' && answer.status < 500 && answer.status !== 429;
        if (refused || failures >= UploadLimits.apiRetries) {
            throw new Failed(`the upload could not be confirmed, and the project's apps could not be listed (${answerMessage(answer)}); ${dashboard}`);
        }
        failures++;
        await pause(backoff(failures, answer.kind === 'http-error' ? answer.retryAfterMs : null));
    }
}
/** The API's words, on one line: every line of the upload's log that carries them says them so. */
function answerMessage(answer) {
    return (0,src_escape/* logText */.kc)(answer.message);
}
/** The log group's title: the file and its size. */
function uploadTitle(file, projectId) {
    return `Uploading ${file.uploadName} (${(0,app_path/* formatBytes */.z3)(file.size)}) to TesterArmy project ${projectId}`;
}

;// CONCATENATED MODULE: ./src/upload/upload-step.ts
// The step's upload phase on disk and on the wire: check the build before any request, zip a
// .app folder into RUNNER_TEMP, upload it in one log group, always remove the zip, and tell the
// runner what was made of it (its log line and the app outputs). Loaded only when app-path is set.








/**
 * Exists, is not empty, is a build TesterArmy can install, and (when its name tells) is for the
 * `platform` asked for. Relative paths start from the working directory, which on a runner is the
 * workspace, as for every other action.
 */
async function checkAppFile(path, platform = '') {
    const quoted = JSON.stringify(path);
    let info;
    try {
        info = await (0,promises_.stat)(path);
    }
    catch (error) {
        const code = error.code;
        return {
            ok: false,
            message: code === 'ENOENT' || code === 'ENOTDIR'
                ? `Input '${constants/* Inputs */.G0.AppPath}' is ${quoted}, which does not exist (relative paths start from ${process.cwd()}): build the app in an earlier step, or fix the path; expected ${app_path/* ACCEPTED_DESCRIPTION */.ti}.`
                : `Input '${constants/* Inputs */.G0.AppPath}' is ${quoted}, which cannot be read (${code ?? error.message}).`
        };
    }
    const verdict = (0,app_path/* classifyAppPath */.NE)(path, info.isDirectory());
    if (!verdict.ok)
        return verdict;
    if (verdict.platform && platform && verdict.platform !== platform) {
        return {
            ok: false,
            message: `Input '${constants/* Inputs */.G0.Platform}' is "${platform}", but ${constants/* Inputs */.G0.AppPath} ${quoted} is an ${verdict.platform} build: ` +
                `leave platform empty to use the build's, or give a build for ${platform}.`
        };
    }
    if (verdict.kind === 'app-folder' ? (await (0,promises_.readdir)(path)).length === 0 : info.size === 0) {
        return {
            ok: false,
            message: `Input '${constants/* Inputs */.G0.AppPath}' is ${quoted}, which is empty: the build step may have failed.`
        };
    }
    return {
        ok: true,
        app: {
            path,
            kind: verdict.kind,
            uploadName: verdict.uploadName,
            size: info.size,
            platform: verdict.platform
        }
    };
}
async function runUploadStep(options) {
    const { app, log, clock } = options;
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), Math.max(0, options.deadline - clock.now()));
    const signal = AbortSignal.any([options.signal, timeout.signal]);
    let zip = null;
    try {
        let file = { path: app.path, uploadName: app.uploadName, size: app.size };
        if (app.kind === 'app-folder') {
            const started = clock.now();
            // Only a folder loads the zip library (a chunk of its own).
            const { zipAppFolder } = await __webpack_require__.e(/* import() */ 532).then(__webpack_require__.bind(__webpack_require__, 5532));
            try {
                zip = await zipAppFolder(app.path, options.tempDir, signal);
            }
            catch (error) {
                if (options.signal.aborted)
                    return { kind: 'aborted', confirming: false };
                if (timeout.signal.aborted)
                    return { kind: 'timed-out', confirming: false };
                return {
                    kind: 'failed',
                    message: `the .app folder could not be zipped: ${error.message}`
                };
            }
            file = { ...file, path: zip.path, size: zip.size };
            log.info(`Zipped ${app.path} into ${app.uploadName} in ${(0,duration/* formatDuration */.a)(clock.now() - started)}.`);
        }
        log.startGroup(uploadTitle(file, options.projectId));
        const outcome = await uploadApp({
            api: options.api,
            put: putFile,
            clock,
            projectId: options.projectId,
            file,
            removeAfterS: options.removeAfterS,
            signal,
            userAgent: options.userAgent,
            log
        });
        log.endGroup();
        if (outcome.kind === 'aborted')
            return options.signal.aborted
                ? outcome
                : { kind: 'timed-out', confirming: outcome.confirming };
        if (outcome.kind === 'failed')
            return outcome;
        return {
            kind: 'uploaded',
            build: {
                path: app.path,
                uploadName: file.uploadName,
                size: file.size,
                uploadMs: outcome.uploadMs,
                elapsedMs: outcome.elapsedMs,
                app: outcome.app,
                recovered: outcome.recovered
            }
        };
    }
    finally {
        clearTimeout(timer);
        await zip?.remove();
    }
}
/**
 * Where the upload phase writes on the runner: its group, progress lines and retries. Each line is
 * one log line whatever it holds (storage and API text among it): none can start a workflow command.
 */
const uploadLog = {
    info: line => core/* info */.pq((0,src_escape/* logText */.kc)(line, 2_000)),
    warning: line => core/* warning */.$e((0,src_escape/* logText */.kc)(line, 2_000)),
    startGroup: title => core/* startGroup */.Oh(title),
    endGroup: () => core/* endGroup */.N4()
};
/** The app TesterArmy made of the upload, in one line. */
function logUploaded(build) {
    const { app } = build;
    const version = app.appVersion ? ` ${(0,src_escape/* logText */.kc)(app.appVersion, 40)}` : '';
    const bundle = app.bundleId ? `, ${(0,src_escape/* logText */.kc)(app.bundleId, 200)}` : '';
    core/* info */.pq(`Uploaded ${(0,src_escape/* logText */.kc)(build.uploadName, 200)}: app ${app.id} (${(0,src_escape/* logText */.kc)(app.platform, 20)}${version}${bundle})` +
        `${build.recovered ? ', found in the project after the confirm answer was lost' : ''}.`);
}
/** The uploaded build's outputs, set as soon as the upload is confirmed. */
function publishAppOutputs(build) {
    core/* setOutput */.uH(constants/* Outputs */.tY.AppId, build.app.id);
    core/* setOutput */.uH(constants/* Outputs */.tY.AppPlatform, build.app.platform);
    core/* setOutput */.uH(constants/* Outputs */.tY.AppVersion, build.app.appVersion ?? '');
}


/***/ })

};
