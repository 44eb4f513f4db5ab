/** The links in a mail to the melder; all of them open the private status page. */
export interface MelderLinks {
  statusUrl: string;
  /** The status page's answer form (reactie_gevraagd). */
  answerUrl: string;
  /** The status page's "Is uw melding opgelost?" form (after afgehandeld). */
  feedbackUrl: string;
}

/**
 * Built from the melder's status token, which alone authorises the melder on the status page.
 * `publicBaseUrl` without a trailing slash (one is removed if there).
 */
export function melderLinks(publicBaseUrl: string, statusToken: string): MelderLinks {
  const statusUrl = `${publicBaseUrl.replace(/\/+$/, '')}/m/${encodeURIComponent(statusToken)}`;
  return { statusUrl, answerUrl: `${statusUrl}#vraag`, feedbackUrl: `${statusUrl}#opgelost` };
}
