/**
 * Installing the app: the browser's deferred install prompt, or on iOS Safari a how-to. Either is offered until
 * the user answers "Not now" (or "Got it"), which is remembered.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { db, getSetting, setSetting } from '../db'
import { useDeviceStore } from './device'

interface BeforeInstallPromptEvent extends Event {
  prompt: () => Promise<void>
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>
}

function isStandalone(): boolean {
  return window.matchMedia('(display-mode: standalone)').matches || (navigator as Navigator & { standalone?: boolean }).standalone === true
}

function isIosSafari(): boolean {
  const ua = navigator.userAgent
  const ios = /iPad|iPhone|iPod/.test(ua) || (ua.includes('Macintosh') && navigator.maxTouchPoints > 1)
  return ios && /Safari/.test(ua) && !/CriOS|FxiOS|EdgiOS/.test(ua)
}

export const useInstallStore = defineStore('install', () => {
  const deferred = shallowRef<BeforeInstallPromptEvent | undefined>()
  const installed = ref(isStandalone())
  // Hidden until the stored answer is read, so a declined offer never flashes up.
  const dismissed = ref(true)

  window.addEventListener('beforeinstallprompt', (event) => {
    // Keep the browser's mini-infobar away; the app offers its own Install button.
    event.preventDefault()
    deferred.value = event as BeforeInstallPromptEvent
  })
  window.addEventListener('appinstalled', () => {
    installed.value = true
    deferred.value = undefined
    void useDeviceStore().requestPersistence()
  })
  void getSetting(db, 'installHintDismissed').then((v) => { dismissed.value = v === true })

  const canPrompt = computed(() => Boolean(deferred.value) && !installed.value && !dismissed.value)
  const showIosHint = computed(() => !installed.value && !dismissed.value && isIosSafari())

  async function install(): Promise<void> {
    const event = deferred.value
    if (!event)
      return
    deferred.value = undefined
    await event.prompt()
    const choice = await event.userChoice
    if (choice.outcome === 'accepted')
      installed.value = true
  }

  async function dismiss(): Promise<void> {
    dismissed.value = true
    await setSetting(db, 'installHintDismissed', true)
  }

  return { canPrompt, showIosHint, installed, install, dismiss }
})
