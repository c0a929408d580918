/**
 * @nexus/ui: the accessible UI kit shared by the shell and every microfrontend (a Module Federation singleton).
 * No domain knowledge here: components take plain props. Apps include the kit's Tailwind classes through
 * `@import "@nexus/ui/theme.css"` (see README.md).
 */
export { cx } from './cx.ts';
export { focusRing } from './focusRing.ts';
export { VisuallyHidden } from './VisuallyHidden.tsx';
export { Spinner, type SpinnerProps } from './Spinner.tsx';
export { Button, buttonBase, buttonSizes, buttonVariants, type ButtonProps, type ButtonSize, type ButtonVariant } from './Button.tsx';
export { IconButton, type IconButtonProps } from './IconButton.tsx';
export { useFieldIds, type FieldIds } from './useFieldIds.ts';
export { inputClass, labelClass } from './fieldStyles.ts';
export { TextField, type TextFieldProps } from './TextField.tsx';
export { SearchField, type SearchFieldProps } from './SearchField.tsx';
export { Select, type SelectOption, type SelectProps } from './Select.tsx';
export { Checkbox, type CheckboxProps } from './Checkbox.tsx';
export { RangeInputs, type RangeInputsProps } from './RangeInputs.tsx';
export { Badge, type BadgeProps, type BadgeTone } from './Badge.tsx';
export { currencyDigits, formatMoney } from './money.ts';
export { Price, type PriceProps } from './Price.tsx';
export { Rating, ratingLabel, type RatingProps } from './Rating.tsx';
export { Skeleton, type SkeletonProps } from './Skeleton.tsx';
export { EmptyState, type EmptyStateProps } from './EmptyState.tsx';
export { ErrorState, type ErrorStateProps } from './ErrorState.tsx';
export { Chip, type ChipProps } from './Chip.tsx';
export { pageWindow, type PageItem } from './pageWindow.ts';
export { Pagination, type PaginationProps } from './Pagination.tsx';
export { createToastStore, toast, toastStore, type Toast, type ToastInput, type ToastStore, type ToastStoreOptions, type ToastType } from './toastStore.ts';
export { ToastViewport, type ToastViewportProps } from './ToastViewport.tsx';
export { Dialog, type DialogProps } from './Dialog.tsx';
export { TextArea, type TextAreaProps } from './TextArea.tsx';
export { ConfirmDialog, type ConfirmDialogProps } from './ConfirmDialog.tsx';
export { FormAlert } from './FormAlert.tsx';
export { ErrorSummary, type ErrorSummaryItem, type ErrorSummaryProps } from './ErrorSummary.tsx';
