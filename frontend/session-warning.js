/*
 * <baeum-session-warning>: warns a signed-in person before their idle session ends (SessionWarning.java).
 *
 * The server ends a session `idle-seconds` after its last request that was not a Vaadin heartbeat
 * (SessionLimitsFilter). To know when that is, this element watches the page's own requests with a
 * PerformanceObserver on resource timing: every request the browser actually sent to this server, except a
 * heartbeat, is activity, exactly as the server counts it. Unlike wrapping XMLHttpRequest or fetch, this
 * sees Flow's UIDL requests however Flow sends them, touches nothing of Flow's, and, as an entry arrives only
 * once its response has, it never puts the deadline before the server's. Other tabs of the same session
 * share what they see over a BroadcastChannel.
 *
 * `warning-seconds` before the deadline a modal alert dialog counts down; "stay signed in" calls the server
 * (which is activity), Escape does the same, "sign out" signs out through the server. At the deadline the page
 * goes to the sign-in page, where the server, having ended the session, says why.
 */
const CHANNEL = 'baeum-session-activity';

const STYLE = `
  :host { display: contents; }
  dialog {
    box-sizing: border-box;
    width: min(30rem, calc(100vw - 2rem));
    border: none;
    border-radius: var(--lumo-border-radius-l, 1rem);
    padding: var(--lumo-space-l, 1.5rem);
    background: var(--lumo-base-color, #fff);
    color: var(--lumo-body-text-color, #1c2a3a);
    font-family: var(--lumo-font-family, system-ui, sans-serif);
    font-size: var(--lumo-font-size-m, 1rem);
    line-height: 1.6;
    word-break: keep-all;
    box-shadow: var(--lumo-box-shadow-xl, 0 1rem 3rem rgba(0, 0, 0, 0.3));
  }
  dialog::backdrop { background: rgba(12, 24, 40, 0.6); }
  h2 {
    margin: 0 0 var(--lumo-space-s, 0.5rem);
    font-size: var(--lumo-font-size-xl, 1.375rem);
    line-height: 1.3;
    color: var(--lumo-header-text-color, #1c2a3a);
  }
  p { margin: 0 0 var(--lumo-space-m, 1rem); }
  .time-left { font-size: var(--lumo-font-size-l, 1.125rem); }
  .countdown { font-weight: 700; font-variant-numeric: tabular-nums; color: var(--baeum-blue-700, #0b4f94); }
  .buttons { display: flex; flex-wrap: wrap; gap: var(--lumo-space-s, 0.5rem); justify-content: flex-end; }
  button {
    font: inherit;
    font-weight: 600;
    min-height: var(--lumo-size-m, 2.5rem);
    padding: 0.25rem var(--lumo-space-l, 1.5rem);
    border-radius: var(--lumo-border-radius-m, 0.5rem);
    border: 2px solid var(--baeum-blue-600, #0b5cab);
    cursor: pointer;
  }
  .stay { background: var(--baeum-blue-600, #0b5cab); color: #fff; }
  .stay:hover { background: var(--baeum-blue-700, #0b4f94); }
  .sign-out { background: #fff; color: var(--baeum-blue-700, #0b4f94); }
  .sign-out:hover { background: var(--baeum-blue-50, #eaf2fb); }
  button:focus-visible { outline: 3px solid var(--baeum-blue-600, #0b5cab); outline-offset: 2px; }
`;

class SessionWarning extends HTMLElement {
  connectedCallback() {
    if (!this.shadowRoot) {
      this.render();
    }
    this.lastActivity = Date.now();
    this.observer = new PerformanceObserver((list) => {
      if (list.getEntries().some(isActivity)) {
        this.activity(Date.now(), true);
      }
    });
    this.observer.observe({ type: 'resource' });
    if ('BroadcastChannel' in window) {
      this.channel = new BroadcastChannel(CHANNEL);
      this.channel.onmessage = (event) => this.activity(event.data, false);
    }
    // One check a second, from the clock, so a throttled background tab still acts right when it wakes.
    this.timer = setInterval(() => this.tick(), 1000);
  }

  disconnectedCallback() {
    clearInterval(this.timer);
    this.observer.disconnect();
    this.channel?.close();
    if (this.dialog.open) {
      this.dialog.close();
    }
  }

  render() {
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = `
      <style>${STYLE}</style>
      <dialog role="alertdialog" aria-modal="true" aria-labelledby="heading" aria-describedby="message time-left">
        <h2 id="heading"></h2>
        <p id="message"></p>
        <p id="time-left" class="time-left"><span class="label"></span> <span class="countdown"></span></p>
        <div class="buttons">
          <button type="button" class="stay"></button>
          <button type="button" class="sign-out"></button>
        </div>
      </dialog>`;
    this.dialog = root.querySelector('dialog');
    this.countdown = root.querySelector('.countdown');
    // Escape (and any other request to close the dialog) means "stay signed in": the dialog never closes
    // without the server hearing of it. The key is handled itself, as browsers may skip `cancel` on a repeat.
    this.dialog.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        this.stay();
      }
    });
    this.dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      this.stay();
    });
    root.querySelector('.stay').addEventListener('click', () => this.stay());
    root.querySelector('.sign-out').addEventListener('click', () => this.$server.signOut());
  }

  seconds(name) {
    return Number(this.getAttribute(name)) * 1000;
  }

  activity(at, tellOtherTabs) {
    if (at > this.lastActivity) {
      this.lastActivity = at;
      if (tellOtherTabs) {
        this.channel?.postMessage(at);
      }
      this.tick();
    }
  }

  tick() {
    const left = this.lastActivity + this.seconds('idle-seconds') - Date.now();
    if (left <= 0) {
      clearInterval(this.timer);
      window.location.assign(new URL('login?expired', document.baseURI));
    } else if (left <= this.seconds('warning-seconds')) {
      this.showWarning(left);
    } else if (this.dialog.open) {
      this.dialog.close();
    }
  }

  showWarning(left) {
    const lang = document.documentElement.lang || 'ko';
    this.countdown.textContent = new Intl.NumberFormat(lang, { style: 'unit', unit: 'second', unitDisplay: 'long' })
      .format(Math.ceil(left / 1000));
    if (!this.dialog.open) {
      const root = this.shadowRoot;
      root.getElementById('heading').textContent = this.getAttribute('heading');
      root.getElementById('message').textContent = this.getAttribute('message');
      root.querySelector('.label').textContent = this.getAttribute('time-left-label');
      root.querySelector('.stay').textContent = this.getAttribute('stay-label');
      root.querySelector('.sign-out').textContent = this.getAttribute('sign-out-label');
      this.dialog.showModal();
      root.querySelector('.stay').focus();
    }
  }

  stay() {
    // counted at once so the next tick does not open the dialog again; the server's answer counts later still
    this.lastActivity = Math.max(this.lastActivity, Date.now());
    this.dialog.close();
    this.$server.stay();
  }
}

/** A request this server received that was not a heartbeat (a cached response never reached it). */
function isActivity(entry) {
  const url = new URL(entry.name);
  return url.origin === window.location.origin
    && url.searchParams.get('v-r') !== 'heartbeat'
    && entry.transferSize !== 0;
}

customElements.define('baeum-session-warning', SessionWarning);
