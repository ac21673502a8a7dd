/** A dialog's error line; while the outcome is unknown, it offers to find out what happened. */
import { i18n } from '#i18n';

export function ActionError(props: { message: string; outcomeUnknown: boolean; onCheck(): Promise<unknown> }) {
  return (
    <p role="alert" class="bc-error">
      {props.message}
      {props.outcomeUnknown && (
        <button type="button" class="bc-button" onClick={() => void props.onCheck()}>
          {i18n.t('actions.common.checkWhatHappened')}
        </button>
      )}
    </p>
  );
}
