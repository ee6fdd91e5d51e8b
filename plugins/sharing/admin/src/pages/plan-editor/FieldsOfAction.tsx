import type { CatalogueEntry, PlanContent } from '../../utils/api';
import { AddField } from './AddField';
import { newGoal, removeAt, replaceAt, type Editor, type ErrorOf, type Update } from './content';
import { FieldOfAction } from './FieldOfAction';

interface FieldsOfActionProps {
  content: PlanContent;
  editor: Editor;
  catalogue: CatalogueEntry[];
  readOnly: boolean;
  errorOf: ErrorOf;
  update: Update;
}

/** The plan's fields of action, then the picker that adds one not yet in it. */
export function FieldsOfAction({
  content,
  editor,
  catalogue,
  readOnly,
  errorOf,
  update,
}: FieldsOfActionProps) {
  return (
    <>
      {content.fieldsOfAction.map((field, fieldIndex) => (
        <FieldOfAction
          key={field.field}
          index={fieldIndex}
          field={field}
          editor={editor}
          catalogue={catalogue}
          readOnly={readOnly}
          errorOf={errorOf}
          onChange={(next) =>
            update((c) => ({ ...c, fieldsOfAction: replaceAt(c.fieldsOfAction, fieldIndex, next) }))
          }
          onRemove={() =>
            update((c) => ({ ...c, fieldsOfAction: removeAt(c.fieldsOfAction, fieldIndex) }))
          }
        />
      ))}

      {readOnly ? null : (
        <AddField
          choices={editor.choices.fieldsOfAction.filter(
            (choice) => !content.fieldsOfAction.some((f) => f.field === choice.code),
          )}
          onAdd={(code) =>
            update((c) => ({
              ...c,
              fieldsOfAction: [
                ...c.fieldsOfAction,
                { field: code, situation: '', goals: [newGoal()], measures: [] },
              ],
            }))
          }
        />
      )}
    </>
  );
}
